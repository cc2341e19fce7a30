package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;

/**
 * The {@code alarm.stored} message: a raise or a clearing reached the database. Pairs the idempotency key of an
 * {@link AlarmRaised} with the alarm's row id.
 *
 * @param alarmId the alarm row, null when a clearing found no open alarm
 */
public record AlarmStored(String key, Long alarmId, AlarmType type, String subject, Outcome outcome) {

  /** What the write did. */
  public enum Outcome {
    /** A new open alarm. */
    OPENED,
    /** An occurrence added to the open alarm of that subject and type. */
    OCCURRENCE,
    /** The key was already applied: nothing added. */
    DUPLICATE,
    /** The clearing was recorded; the alarm stays open for a person. */
    CONDITION_RECORDED,
    /** The clearing was recorded and the alarm, of a self-closing type, resolved. */
    CLOSED,
    /** A clearing with no open alarm of that subject and type. */
    NOTHING_OPEN
  }

  public JsonObject toJson() {
    return new JsonObject().put("key", key).put("alarmId", alarmId).put("type", type.name()).put("subject", subject)
        .put("outcome", outcome.name());
  }

  public static AlarmStored fromJson(JsonObject json) {
    return new AlarmStored(json.getString("key"), json.getLong("alarmId"), AlarmType.valueOf(json.getString("type")),
        json.getString("subject"), Outcome.valueOf(json.getString("outcome")));
  }
}
