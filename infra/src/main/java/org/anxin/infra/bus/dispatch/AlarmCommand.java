package org.anxin.infra.bus.dispatch;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

/**
 * An {@code alarm.command} request: change one alarm's state. Answered with the alarm's new {@link AlarmView}, or
 * failed with 400 (malformed, FALSE_ALARM without a note), 404 (no such alarm) or 409 (not allowed from the state
 * it is in; the message names the state and who put it there).
 *
 * @param actor who asks: a username, or e.g. {@code sms:+86…} or {@code ivr:…} for actors without a login
 */
public record AlarmCommand(long alarmId, AlarmAction action, String actor, String note) {

  public AlarmCommand {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("'actor' is required");
    }
    if (action == AlarmAction.FALSE_ALARM && (note == null || note.isBlank())) {
      throw new IllegalArgumentException("a FALSE_ALARM needs a note saying why");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("alarmId", alarmId).put("action", action.name()).put("actor", actor)
        .put("note", note);
  }

  public static AlarmCommand fromJson(JsonObject json) {
    return new AlarmCommand(Json.requiredLong(json, "alarmId"), Json.enumValue(AlarmAction.class, json, "action"),
        json.getString("actor"), json.getString("note"));
  }
}
