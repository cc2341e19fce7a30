package org.anxin.dispatcher.endtoend;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Background fleet traffic for the latency measurement: QoS 0 telemetry from {@code devices} wristbands
 * ({@code load-0} …) at about {@code perSecond} messages a second, in 10-ms ticks, until closed.
 */
final class TelemetryLoad implements AutoCloseable {

  private final MqttAsyncClient client;
  private final int devices;
  private final int perTick;
  private final AtomicLong sent = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  TelemetryLoad(String url, int devices, int perSecond) throws MqttException {
    this.client = new MqttAsyncClient(url, "load-" + System.nanoTime(), new MemoryPersistence());
    this.client.connect().waitForCompletion();
    this.devices = devices;
    this.perTick = Math.max(1, perSecond / 100);
    this.thread = new Thread(this::run, "telemetry-load");
    this.thread.start();
  }

  long sent() {
    return sent.get();
  }

  private void run() {
    long seq = 0;
    long next = System.nanoTime();
    while (running) {
      for (int i = 0; i < perTick && running; i++) {
        long n = sent.get();
        String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + (seq + n / devices)
            + ",\"boot\":\"b1\",\"hr\":72,\"bat\":80,\"steps\":" + n % 5000 + "}";
        try {
          client.publish("anxin/v1/dev/load-" + n % devices + "/telemetry",
              new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 0, false, null));
          sent.incrementAndGet();
        } catch (MqttException e) {
          LockSupport.parkNanos(1_000_000);
        }
      }
      next += 10_000_000;
      LockSupport.parkNanos(next - System.nanoTime());
    }
  }

  @Override
  public void close() throws MqttException, InterruptedException {
    running = false;
    thread.join();
    client.disconnect().waitForCompletion();
    client.close();
  }
}
