package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * The device message that raised or cleared an alarm: {@code (deviceId, boot, seq)} and its time ({@code seq} is
 * null for a Last Will).
 */
public record MessageIdentity(String deviceId, String boot, Long seq, Instant ts) {

  /** The part of an idempotency key that names this message. */
  String key() {
    return deviceId + "|" + boot + "|" + (seq == null ? "will" : seq);
  }

  JsonObject toJson() {
    return new JsonObject().put("deviceId", deviceId).put("boot", boot).put("seq", seq)
        .put("ts", ts == null ? null : ts.toEpochMilli());
  }

  static MessageIdentity fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    Long ts = json.getLong("ts");
    return new MessageIdentity(json.getString("deviceId"), json.getString("boot"), json.getLong("seq"),
        ts == null ? null : Instant.ofEpochMilli(ts));
  }
}
