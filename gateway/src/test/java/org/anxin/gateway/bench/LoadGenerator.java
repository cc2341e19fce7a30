package org.anxin.gateway.bench;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Devices publishing QoS 1 telemetry as fast as the broker takes it: {@code clients} Paho connections, each
 * speaking for its share of the fleet (device i belongs to client i mod clients) with up to {@code window}
 * messages unacknowledged. Counts what the broker acknowledged.
 */
final class LoadGenerator {

  private final String url;
  private final List<String> devices;
  private final int clients;
  private final int window;
  private final String boot;
  private final double perClientPerSecond;
  private final AtomicLong acknowledged = new AtomicLong();
  private volatile boolean running;
  private final List<Thread> threads = new ArrayList<>();

  /** @param ratePerSecond messages per second over all clients, or 0 for as fast as the broker takes them */
  LoadGenerator(String url, List<String> devices, int clients, int window, String boot, int ratePerSecond) {
    this.perClientPerSecond = ratePerSecond / (double) clients;
    this.url = url;
    this.devices = devices;
    this.clients = clients;
    this.window = window;
    this.boot = boot;
  }

  void start() {
    running = true;
    for (int k = 0; k < clients; k++) {
      int client = k;
      Thread t = new Thread(() -> publishLoop(client), "load-" + k);
      t.start();
      threads.add(t);
    }
  }

  /** Publishes one round (each device once, at {@code seq}) and waits for the broker's acknowledgements. */
  void oneRound(long seq) throws InterruptedException {
    running = true;
    List<Thread> round = new ArrayList<>();
    for (int k = 0; k < clients; k++) {
      int client = k;
      Thread t = new Thread(() -> publish(client, 1, seq), "round-" + k);
      t.start();
      round.add(t);
    }
    for (Thread t : round) {
      t.join();
    }
  }

  void stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join();
    }
    threads.clear();
  }

  long acknowledged() {
    return acknowledged.get();
  }

  private void publishLoop(int client) {
    publish(client, Long.MAX_VALUE, 0);
  }

  private void publish(int client, long rounds, long fromSeq) {
    List<String> mine = new ArrayList<>();
    for (int i = client; i < devices.size(); i += clients) {
      mine.add(devices.get(i));
    }
    try {
      MqttAsyncClient c = new MqttAsyncClient(url, "load-" + client + "-" + System.nanoTime(), new MemoryPersistence());
      MqttConnectionOptions o = new MqttConnectionOptions();
      o.setCleanStart(true);
      c.connect(o).waitForCompletion(10_000);
      Deque<IMqttToken> inFlight = new ArrayDeque<>();
      long start = System.nanoTime();
      long sent = 0;
      for (long r = 0; r < rounds && running; r++) {
        for (int d = 0; d < mine.size() && running; d++) {
          pace(start, sent++);
          if (inFlight.size() >= window) {
            inFlight.removeFirst().waitForCompletion(60_000);
            acknowledged.incrementAndGet();
          }
          MqttMessage m = new MqttMessage(payload(fromSeq + r, d));
          m.setQos(1);
          inFlight.addLast(c.publish("anxin/v1/dev/" + mine.get(d) + "/telemetry", m));
        }
      }
      while (!inFlight.isEmpty()) {
        inFlight.removeFirst().waitForCompletion(60_000);
        acknowledged.incrementAndGet();
      }
      c.disconnect().waitForCompletion(10_000);
      c.close();
    } catch (MqttException e) {
      throw new IllegalStateException("load client " + client + " failed", e);
    }
  }

  /** Open-loop pacing: message n of this client is due n / rate seconds after the start. */
  private void pace(long start, long n) {
    if (perClientPerSecond > 0) {
      long wait = start + (long) (n * 1e9 / perClientPerSecond) - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  private byte[] payload(long seq, int salt) {
    int bat = (int) Math.floorMod(seq + salt, 100);
    return ("{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + seq + ",\"boot\":\"" + boot
        + "\",\"lat\":30.27" + Math.floorMod(salt, 100) + ",\"lon\":120.15" + bat + ",\"acc\":12.5,\"src\":\"gnss\","
        + "\"hr\":" + (60 + bat % 40) + ",\"spo2\":97,\"bat\":" + bat + ",\"steps\":" + seq
        + ",\"motion\":true,\"temp\":36.5,\"worn\":true}").getBytes(StandardCharsets.UTF_8);
  }
}
