package org.anxin.infra.bus.dispatch;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

import java.time.Instant;

/**
 * The {@code alarm.changed} message, published by the dispatcher for every change of an alarm: its state, an
 * escalation step, a notification and its delivery result. The alarm itself travels along, elder id included, so
 * the console can scope the live stream without a query.
 *
 * @param change what happened, one of {@link Change}
 * @param details the step, the recipient, the channel or the failure, by change
 */
public record AlarmChanged(Change change, String actor, Instant at, AlarmView alarm, JsonObject details) {

  /** The kinds of change; each is also the {@code kind} of the {@code alarm_events} row written for it. */
  public enum Change {
    ESCALATED, NOTIFIED, DELIVERY_FAILED, SUPERVISOR_FLAGGED, ACKNOWLEDGED, ON_SITE, RESOLVED, FALSE_ALARM, CLOSED
  }

  public AlarmChanged {
    details = details == null ? new JsonObject() : details;
  }

  public JsonObject toJson() {
    return new JsonObject().put("change", change.name()).put("actor", actor).put("at", Json.millis(at))
        .put("alarm", alarm.toJson()).put("details", details);
  }

  public static AlarmChanged fromJson(JsonObject j) {
    return new AlarmChanged(Change.valueOf(j.getString("change")), j.getString("actor"), Json.instant(j, "at"),
        AlarmView.fromJson(j.getJsonObject("alarm")), j.getJsonObject("details"));
  }
}
