package org.anxin.infra.mqtt;

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

/** What a test subscriber received, in order; Paho calls the global callback for shared subscriptions too. */
public final class Inbox implements MqttCallback {

  /** One received message. */
  public record Message(String topic, String payload) {
  }

  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

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
    messages.add(new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
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
