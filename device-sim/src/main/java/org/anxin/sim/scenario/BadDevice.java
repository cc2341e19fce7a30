package org.anxin.sim.scenario;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.vertx.core.json.JsonObject;
import org.anxin.sim.fleet.DeviceLink;
import org.anxin.sim.protocol.BootSession;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends what a broken or hostile device would: each {@link BadKind} publishes a few messages on the device's own
 * connection and reports what the broker answered to each (the reason code of its PUBACK).
 */
public final class BadDevice {

  /** One message sent and the broker's answer. */
  public record Outcome(String topic, String payload, String answer) {
  }

  private final ScenarioContext ctx;
  private final String otherDeviceId;

  public BadDevice(ScenarioContext ctx, String otherDeviceId) {
    this.ctx = ctx;
    this.otherDeviceId = otherDeviceId;
  }

  public List<Outcome> play(BadKind kind) {
    DeviceLink link = ctx.connect();
    BootSession boot = link.session();
    String telemetry = link.topic(Channel.TELEMETRY);
    List<Outcome> outcomes = new ArrayList<>();
    for (Message m : messages(kind, boot, telemetry)) {
      outcomes.add(send(link, m));
    }
    ctx.close();
    return outcomes;
  }

  private record Message(String topic, byte[] payload) {
    Message(String topic, String text) {
      this(topic, text.getBytes(StandardCharsets.UTF_8));
    }

    Message(String topic, JsonObject json) {
      this(topic, json.encode());
    }
  }

  private List<Message> messages(BadKind kind, BootSession boot, String telemetry) {
    long now = System.currentTimeMillis();
    JsonObject fix = new JsonObject().put("lat", 30.27).put("lon", 120.15).put("acc", 8).put("src", "gnss");
    return switch (kind) {
      case MALFORMED_JSON -> List.of(
          new Message(telemetry, boot.stamp(fix).encode().substring(0, 30)),
          new Message(telemetry, "lat=30.27;lon=120.15"));
      case WRONG_TYPES -> List.of(
          new Message(telemetry, boot.stamp(new JsonObject().put("lat", "30.27").put("lon", 120.15)
              .put("hr", "fast").put("worn", "yes"))),
          new Message(telemetry, new JsonObject().put("ts", "yesterday").put("seq", "one").put("boot", 42)
              .put("bat", 50)));
      case OUT_OF_RANGE -> List.of(
          new Message(telemetry, boot.stamp(new JsonObject().put("lat", 123.4).put("lon", 500.0).put("hr", 400)
              .put("bat", 180).put("spo2", -3))),
          new Message(link().topic(Channel.EVENT), boot.stamp(new JsonObject().put("type", "EXPLODE"))),
          new Message(telemetry, boot.stamp(new JsonObject()).put("seq", -5)));
      case FUTURE_TIMESTAMP -> List.of(
          new Message(telemetry, boot.stamp(fix, now + Duration.ofDays(1).toMillis())),
          new Message(telemetry, boot.stamp(fix, now / 1000)));
      case OVERSIZED -> List.of(new Message(telemetry, boot.stamp(fix.copy().put("note", "x".repeat(8 * 1024)))));
      case REPLAY -> replay(boot, telemetry, fix);
      case FOREIGN_TOPIC -> List.of(new Message(Topics.of(otherDeviceId, Channel.TELEMETRY), boot.stamp(fix)));
    };
  }

  private static List<Message> replay(BootSession boot, String telemetry, JsonObject fix) {
    Message first = new Message(telemetry, boot.stamp(fix.copy().put("bat", 70)));
    Message second = new Message(telemetry, boot.stamp(fix.copy().put("bat", 69)));
    return List.of(first, second, first, second);
  }

  private DeviceLink link() {
    return ctx.link();
  }

  private static Outcome send(DeviceLink link, Message m) {
    String payload = new String(m.payload(), StandardCharsets.UTF_8);
    String shown = payload.length() > 120 ? payload.substring(0, 120) + "… (" + m.payload().length + " bytes)"
        : payload;
    try {
      Mqtt5PublishResult result = link.publishRaw(m.topic(), m.payload(), MqttQos.AT_LEAST_ONCE)
          .orTimeout(30, TimeUnit.SECONDS).join();
      String answer = result instanceof Mqtt5PublishResult.Mqtt5Qos1Result q
          ? q.getPubAck().getReasonCode().name() : "SENT";
      return new Outcome(m.topic(), shown, answer);
    } catch (CompletionException e) {
      return new Outcome(m.topic(), shown, e.getCause() instanceof Mqtt5PubAckException refused
          ? refused.getMqttMessage().getReasonCode().name() : "FAILED " + e.getCause());
    }
  }
}
