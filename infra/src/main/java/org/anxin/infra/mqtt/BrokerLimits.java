package org.anxin.infra.mqtt;

/**
 * The embedded broker's limits, chosen for a county fleet of about 10,000 devices reporting once a minute
 * (about 170 messages/s) into one gateway shared subscription. {@code docs/devices.md} explains each figure and
 * {@code infra/deploy/mosquitto/mosquitto.conf} carries the same policy for a Mosquitto deployment.
 */
public final class BrokerLimits {

  /**
   * Messages the broker keeps for one queue: the gateways' shared subscription queue (HiveMQ sizes every shared queue
   * with this global limit) and any platform session. At 170 messages/s, 1,000,000 messages ride out a database
   * outage (or a stopped gateway) of about 100 minutes without loss; at the benchmark's 20,000 messages/s about
   * 50 seconds. The queue lives on disk in {@code <data>/mqtt}, not in the heap.
   */
  public static final long MAX_QUEUED_MESSAGES = 1_000_000;

  /**
   * When a queue is full the oldest message goes: the newest readings and an SOS sent during a long outage matter
   * more than the oldest telemetry.
   */
  public static final String QUEUE_STRATEGY = "discard-oldest";

  /** A device's own queue only ever holds commands for it; a hundred unsent commands means something is wrong. */
  public static final long DEVICE_QUEUED_MESSAGES = 100;

  /**
   * The Receive Maximum the broker announces: QoS 1 messages one client may have unacknowledged towards the broker.
   * A device sends one report a minute, so 20 (Mosquitto's default, used there too) covers a backlog after a
   * reconnect while capping what one connection can hold in the broker. The window in the other direction, towards
   * the gateway, is the gateway's own Receive Maximum: both brokers honour what the client announces.
   */
  public static final int SERVER_RECEIVE_MAXIMUM = 20;

  /** The platform publishes commands in bursts (a whole village's wristbands at once), so it gets a wider window. */
  public static final int PLATFORM_RECEIVE_MAXIMUM = 1_000;

  /**
   * Largest MQTT packet accepted. The protocol allows 4 KiB payloads; 16 KiB leaves room for the topic and
   * properties and lets a moderately oversized payload reach the gateway, which rejects it with a reason and keeps
   * its bytes; anything far larger is refused by the broker and the client disconnected.
   */
  public static final int MAX_PACKET_SIZE = 16 * 1024;

  /**
   * Longest session expiry a client may ask for: one day. A gateway down longer than that has overflowed its queue
   * anyway, and a command that has not reached a device in a day is stale.
   */
  public static final long MAX_SESSION_EXPIRY_S = 24 * 60 * 60;

  private BrokerLimits() {
  }
}
