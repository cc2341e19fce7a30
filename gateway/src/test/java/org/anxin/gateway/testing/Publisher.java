package org.anxin.gateway.testing;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * A test's stand-in for devices: one Paho client publishing to any device topic (the private broker is anonymous),
 * keeping at most {@code window} QoS 1 messages unacknowledged.
 */
public final class Publisher implements AutoCloseable {

  private final MqttAsyncClient client;
  private final Deque<IMqttToken> inFlight = new ArrayDeque<>();
  private final int window;

  private Publisher(MqttAsyncClient client, int window) {
    this.client = client;
    this.window = window;
  }

  public static Publisher connect(String url, int window) {
    try {
      MqttAsyncClient c = new MqttAsyncClient(url, "pub-" + UUID.randomUUID(), new MemoryPersistence());
      MqttConnectionOptions o = new MqttConnectionOptions();
      o.setCleanStart(true);
      c.connect(o).waitForCompletion(10_000);
      return new Publisher(c, window);
    } catch (MqttException e) {
      throw new IllegalStateException("publisher could not connect to " + url, e);
    }
  }

  public void publish(String topic, String payload) {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1);
  }

  public void publish(String topic, byte[] payload, int qos) {
    try {
      while (inFlight.size() >= window) {
        inFlight.removeFirst().waitForCompletion(30_000);
      }
      MqttMessage m = new MqttMessage(payload);
      m.setQos(qos);
      inFlight.addLast(client.publish(topic, m));
    } catch (MqttException e) {
      throw new IllegalStateException("publish to " + topic + " failed", e);
    }
  }

  /** Waits until the broker has acknowledged everything published so far. */
  public void flush() {
    try {
      while (!inFlight.isEmpty()) {
        inFlight.removeFirst().waitForCompletion(30_000);
      }
    } catch (MqttException e) {
      throw new IllegalStateException("publish failed", e);
    }
  }

  @Override
  public void close() {
    try {
      flush();
      client.disconnect().waitForCompletion(5_000);
      client.close();
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
  }
}
