package org.anxin.gateway.alarm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.gateway.mqtt.PahoConnection;
import org.anxin.infra.alarm.DeviceCommand;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.mqtt.PahoClients;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Serves {@code device.command}: sends each command to the device's {@code cmd} topic at QoS 1 as
 * {@code {"id","name","args"}} on a Paho client of its own, and answers the request once the broker has it. While
 * the broker cannot be reached a command fails at once (503) and the client keeps trying to connect.
 */
final class CommandSender {

  private static final Logger LOG = LoggerFactory.getLogger(CommandSender.class);
  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{3,64}");

  private final MqttOptions mqtt;
  private PahoConnection paho;
  private MessageConsumer<JsonObject> consumer;

  CommandSender(MqttOptions mqtt) {
    this.mqtt = mqtt;
  }

  Future<Void> start(Vertx vertx) {
    String clientId = "anxin-cmd-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      paho = new PahoConnection(vertx, mqtt, clientId, "Device commands", PahoClients.connectionOptions(mqtt));
    } catch (MqttException e) {
      return Future.failedFuture(e);
    }
    consumer = vertx.eventBus().consumer(Addresses.DEVICE_COMMAND, this::send);
    return paho.start(() -> { });
  }

  private void send(Message<JsonObject> request) {
    DeviceCommand command = DeviceCommand.fromJson(request.body());
    if (command.deviceId() == null || !DEVICE_ID.matcher(command.deviceId()).matches()) {
      request.fail(400, "no such device id: " + command.deviceId());
      return;
    }
    JsonObject payload = new JsonObject().put("id", command.id()).put("name", command.name())
        .put("args", command.args());
    MqttMessage message = new MqttMessage(payload.encode().getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    try {
      paho.client().publish("anxin/v1/dev/" + command.deviceId() + "/cmd", message, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          request.reply(new JsonObject().put("sent", true));
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          LOG.warn("Command {} to {} not sent: {}", command.name(), command.deviceId(), e.getMessage());
          request.fail(503, e.getMessage());
        }
      });
    } catch (MqttException e) {
      LOG.warn("Command {} to {} not sent: {}", command.name(), command.deviceId(), e.getMessage());
      request.fail(503, e.getMessage());
    }
  }

  boolean isConnected() {
    return paho != null && paho.isConnected();
  }

  Future<Void> stop() {
    if (consumer != null) {
      consumer.unregister();
    }
    return paho == null ? Future.succeededFuture() : paho.stop();
  }
}
