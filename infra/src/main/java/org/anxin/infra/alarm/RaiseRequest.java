package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * One request to raise an alarm. {@code key} makes it idempotent: the same key raised twice adds nothing. A raise
 * from a device message is keyed by the message identity and the type; one from a timer or a person carries its own.
 *
 * @param at when the condition was seen (the message's time, or the check's)
 * @param lat the elder's position when known, else null
 */
public record RaiseRequest(String key, AlarmSubject subject, AlarmType type, int priority, MessageIdentity source,
                           Instant at, Double lat, Double lon, JsonObject details) {

  public RaiseRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    details = details == null ? new JsonObject() : details;
  }

  /** A raise caused by one device message; keyed by {@code (device, boot, seq, type)}. */
  public static RaiseRequest fromMessage(AlarmSubject subject, AlarmType type, int priority, MessageIdentity source,
                                         Double lat, Double lon, JsonObject details) {
    return new RaiseRequest(source.key() + "|" + type, subject, type, priority, source, source.ts(), lat, lon,
        details);
  }

  public JsonObject toJson() {
    return new JsonObject().put("key", key).put("subject", subject.toJson()).put("type", type.name())
        .put("priority", priority).put("source", source == null ? null : source.toJson())
        .put("at", at.toEpochMilli()).put("lat", lat).put("lon", lon).put("details", details);
  }

  public static RaiseRequest fromJson(JsonObject json) {
    return new RaiseRequest(json.getString("key"), AlarmSubject.fromJson(json.getJsonObject("subject")),
        AlarmType.valueOf(json.getString("type")), json.getInteger("priority"),
        MessageIdentity.fromJson(json.getJsonObject("source")), Instant.ofEpochMilli(json.getLong("at")),
        json.getDouble("lat"), json.getDouble("lon"), json.getJsonObject("details"));
  }
}
