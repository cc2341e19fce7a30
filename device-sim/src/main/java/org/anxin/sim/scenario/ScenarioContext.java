package org.anxin.sim.scenario;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.behaviour.GeoPoint;
import org.anxin.sim.fleet.BrokerAddress;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.DeviceLink;
import org.anxin.sim.fleet.LinkOptions;
import org.anxin.sim.fleet.SimStats;
import org.anxin.sim.fleet.SimulatedDevice;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.Fix;
import org.anxin.sim.protocol.Payloads;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What a scenario plays with: the device and where it lives, the broker, the options, and a link of its own: a new
 * boot of the device under the device's own client id (brokers admit a device only under its id). When a fleet runs
 * the same device, the scenario's connection takes the session over and the fleet's device steps aside for a while
 * ({@link LinkOptions#takenOverBackoff()}).
 */
public final class ScenarioContext {

  private static final long ACK_TIMEOUT_S = 30;

  private final DeviceCredentials device;
  private final BrokerAddress broker;
  private final LinkOptions linkOptions;
  private final ScenarioOptions options;
  private final GeoPoint home;
  private final ZoneId zone;
  private final Random random;
  private final PrintStream log;
  private final SimStats stats = new SimStats();
  private DeviceLink link;

  public ScenarioContext(DeviceCredentials device, BrokerAddress broker, LinkOptions linkOptions,
                         ScenarioOptions options, GeoPoint home, ZoneId zone, long seed, PrintStream log) {
    this.device = device;
    this.broker = broker;
    this.linkOptions = linkOptions;
    this.options = options;
    this.home = home;
    this.zone = zone;
    this.random = new Random(seed ^ device.deviceId().hashCode());
    this.log = log;
  }

  /** Opens the scenario's link to {@code via} (the broker, or a relay in front of it) and announces online. */
  public DeviceLink connect(BrokerAddress via, boolean reconnect) {
    LinkOptions o = reconnect ? linkOptions.insistingOnSession() : linkOptions.withoutReconnect();
    link = new DeviceLink(device, via, o, stats);
    link.connect().orTimeout(ACK_TIMEOUT_S, TimeUnit.SECONDS).join();
    announce();
    return link;
  }

  /** Connects the same link (same boot) again once its last connection is gone, and announces online. */
  public void reconnect() {
    link.whenDisconnected().orTimeout(ACK_TIMEOUT_S, TimeUnit.SECONDS).join();
    link.connect().orTimeout(ACK_TIMEOUT_S, TimeUnit.SECONDS).join();
    announce();
  }

  private void announce() {
    send(Channel.STATUS, Payloads.onlineStatus(80, SimulatedDevice.FIRMWARE, options.interval));
  }

  public DeviceLink connect() {
    return connect(broker, true);
  }

  /** Publishes and waits for the broker's acknowledgement, so a scenario's messages arrive in order. */
  public void send(Channel channel, JsonObject body) {
    link.publish(channel, body).orTimeout(ACK_TIMEOUT_S, TimeUnit.SECONDS).join();
    log.printf("%s %s %s%n", device.deviceId(), channel.path(), body.encode());
  }

  /** As {@link #send} for a reading measured at {@code tsMs}. */
  public void sendAt(Channel channel, JsonObject body, long tsMs) {
    link.publishAt(channel, body, tsMs).orTimeout(ACK_TIMEOUT_S, TimeUnit.SECONDS).join();
    log.printf("%s %s %s (ts %d)%n", device.deviceId(), channel.path(), body.encode(), tsMs);
  }

  /** A good GNSS fix near {@code where}. */
  public Fix fixAt(GeoPoint where) {
    GeoPoint p = where.offset(random.nextGaussian() * 3, random.nextGaussian() * 3);
    return Fix.gnss(Math.round(p.lat() * 1e6) / 1e6, Math.round(p.lon() * 1e6) / 1e6, 5 + random.nextInt(6));
  }

  public void close() {
    if (link != null) {
      link.disconnect().join();
    }
  }

  public DeviceCredentials device() {
    return device;
  }

  public BrokerAddress broker() {
    return broker;
  }

  public ScenarioOptions options() {
    return options;
  }

  public GeoPoint home() {
    return home;
  }

  public ZoneId zone() {
    return zone;
  }

  public Random random() {
    return random;
  }

  public Pace pace() {
    return new Pace(options.speed);
  }

  public DeviceLink link() {
    return link;
  }
}
