package org.anxin.infra.mqtt;

import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** What a test subscriber received, in order; Paho calls the global callback for shared subscriptions too. */
public final class Inbox implements MqttCallback {

  /** One received message. */
  public record Message(String topic, String payload) {

    public JsonObject json() {
      return new JsonObject(payload);
    }
  }

  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final AtomicLong arrived = new AtomicLong();
  private final boolean keeps;

  public Inbox() {
    this(true);
  }

  private Inbox(boolean keeps) {
    this.keeps = keeps;
  }

  /** An inbox that only counts what arrives: a benchmark's millions of messages would not fit in memory. */
  public static Inbox counting() {
    return new Inbox(false);
  }

  /** How many messages have arrived so far. */
  public long arrived() {
    return arrived.get();
  }

  /** Whether a message that {@link #next()} has not taken yet passes {@code test}. */
  public boolean holds(Predicate<Message> test) {
    return messages.stream().anyMatch(test);
  }

  /** The next message, failing the test if none comes within five seconds. */
  public Message next() throws InterruptedException {
    Message m = messages.poll(5, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message arrived within 5 s");
    }
    return m;
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    arrived.incrementAndGet();
    if (keeps) {
      messages.add(new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
    }
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
  }
}
