package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * The {@code alarm.raised} message: published the moment an alarm is raised, before and regardless of its database
 * write, so the alarm carries its idempotency key rather than a row id ({@link AlarmStored} pairs the two).
 *
 * @param repeat true when an alarm of this subject and type was already open: an occurrence, not a new alarm
 */
public record AlarmRaised(RaiseRequest alarm, boolean repeat, Instant publishedAt) {

  public JsonObject toJson() {
    return alarm.toJson().put("repeat", repeat).put("publishedAt", publishedAt.toEpochMilli());
  }

  public static AlarmRaised fromJson(JsonObject json) {
    return new AlarmRaised(RaiseRequest.fromJson(json), json.getBoolean("repeat", false),
        Instant.ofEpochMilli(json.getLong("publishedAt")));
  }
}
