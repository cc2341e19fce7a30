package org.anxin.gateway.alarm;

import io.vertx.core.json.JsonObject;
import org.anxin.gateway.decode.Channel;
import org.anxin.gateway.decode.Decoded;
import org.anxin.gateway.decode.DeviceEvent;
import org.anxin.gateway.decode.Envelope;
import org.anxin.gateway.decode.StatusFields;
import org.anxin.gateway.decode.TelemetryReading;
import org.anxin.gateway.rules.RuleInput;
import org.anxin.gateway.rules.StoredDevice;

import java.time.Instant;

/** Maps a decoded device message and its owner to what the rules see. */
final class RuleInputs {

  private static final int DEFAULT_INTERVAL_S = 60;

  private RuleInputs() {
  }

  /** The rule input, or null for a message no rule reads (a command reply). */
  static RuleInput from(Decoded message, StoredDevice owner) {
    JsonObject fields = fields(message);
    if (fields == null) {
      return null;
    }
    Envelope e = message.envelope();
    String channel = message.channel().segment();
    return owner == null
        ? new RuleInput(e.deviceId(), RuleInput.DeviceKind.HOME_TERMINAL, null, null, null, null, channel, e.boot(),
            e.seq(), Instant.ofEpochMilli(e.ts()), Instant.ofEpochMilli(e.receivedAt()), DEFAULT_INTERVAL_S, fields)
        : new RuleInput(e.deviceId(), owner.kind(), owner.elderId(), owner.householdId(), owner.villageId(),
            owner.townshipId(), channel, e.boot(), e.seq(), Instant.ofEpochMilli(e.ts()),
            Instant.ofEpochMilli(e.receivedAt()), owner.intervalS(), fields);
  }

  private static JsonObject fields(Decoded message) {
    if (message instanceof TelemetryReading r) {
      return new JsonObject().put("lat", r.lat()).put("lon", r.lon()).put("acc", r.acc()).put("src", r.src())
          .put("hr", r.hr()).put("spo2", r.spo2()).put("bat", r.bat()).put("steps", r.steps())
          .put("motion", r.motion()).put("temp", r.temp()).put("worn", r.worn());
    }
    DeviceEvent event = (DeviceEvent) message;
    if (event.channel() == Channel.EVENT) {
      return new JsonObject().put("type", event.type()).put("sensor", event.sensor()).put("lat", event.lat())
          .put("lon", event.lon()).put("acc", event.acc());
    }
    StatusFields status = event.status();
    if (event.channel() != Channel.STATUS || status == null) {
      return null;
    }
    return new JsonObject().put("online", status.online()).put("bat", status.bat()).put("fw", status.fw())
        .put("interval", status.interval()).put("lastWill", status.lastWill());
  }
}
