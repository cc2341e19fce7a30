package org.anxin.gateway.alarm;

import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A device's side of its {@code cmd} topic: subscribes as the device and keeps every command it gets. */
final class CommandInbox implements MqttCallback, AutoCloseable {

  private final List<JsonObject> commands = new CopyOnWriteArrayList<>();
  private final MqttAsyncClient client;

  private CommandInbox(MqttAsyncClient client) {
    this.client = client;
  }

  static CommandInbox of(String deviceId, String url) throws MqttException {
    CommandInbox inbox = new CommandInbox(new MqttAsyncClient(url, deviceId, new MemoryPersistence()));
    inbox.client.setCallback(inbox);
    inbox.client.connect().waitForCompletion(10_000);
    inbox.client.subscribe("anxin/v1/dev/" + deviceId + "/cmd", 1).waitForCompletion(10_000);
    return inbox;
  }

  /** Whether a {@code set_interval} to this many seconds has arrived. */
  boolean gotInterval(int seconds) {
    return commands.stream().anyMatch(c -> "set_interval".equals(c.getString("name"))
        && c.getJsonObject("args").getInteger("interval") == seconds);
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    commands.add(new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8)));
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

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }
}
