package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * A condition that cleared by itself (back inside the zone, device back online, battery charged): recorded on the
 * open alarm of that subject and type, which is closed when its type closes itself. Idempotent on {@code key}.
 */
public record ClearRequest(String key, AlarmSubject subject, AlarmType type, MessageIdentity source, Instant at,
                           JsonObject details) {

  public ClearRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    details = details == null ? new JsonObject() : details;
  }

  /** A clearing seen in one device message; keyed by the message identity and the type. */
  public static ClearRequest fromMessage(AlarmSubject subject, AlarmType type, MessageIdentity source,
                                         JsonObject details) {
    return new ClearRequest(source.key() + "|" + type + "|clear", subject, type, source, source.ts(), details);
  }

  public JsonObject toJson() {
    return new JsonObject().put("key", key).put("subject", subject.toJson()).put("type", type.name())
        .put("source", source == null ? null : source.toJson()).put("at", at.toEpochMilli()).put("details", details);
  }

  public static ClearRequest fromJson(JsonObject json) {
    return new ClearRequest(json.getString("key"), AlarmSubject.fromJson(json.getJsonObject("subject")),
        AlarmType.valueOf(json.getString("type")), MessageIdentity.fromJson(json.getJsonObject("source")),
        Instant.ofEpochMilli(json.getLong("at")), json.getJsonObject("details"));
  }
}
