package org.anxin.infra.bus.dispatch;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

import java.time.Instant;

/**
 * One alarm as the dispatcher answers and publishes it. {@code elderId}, {@code householdId}, {@code villageId} and
 * {@code townshipId} let the console scope it to the users who may see it.
 *
 * @param escalationStep the last step taken (0 before the first); beyond the policy's last step it counts repeats
 * @param supervisorFlag the chain ran out of steps unacknowledged: the duty supervisor must look
 */
public record AlarmView(long id, Long elderId, Long householdId, Long villageId, Long townshipId, String type,
                        int priority, String state, Instant openedAt, Instant acknowledgedAt,
                        String acknowledgedBy, Instant onSiteAt, Instant closedAt, String closedBy, String closeNote,
                        int escalationStep, Instant nextEscalationAt, boolean supervisorFlag) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("elderId", elderId).put("householdId", householdId)
        .put("villageId", villageId).put("townshipId", townshipId).put("type", type).put("priority", priority)
        .put("state", state).put("openedAt", Json.millis(openedAt))
        .put("acknowledgedAt", Json.millis(acknowledgedAt)).put("acknowledgedBy", acknowledgedBy)
        .put("onSiteAt", Json.millis(onSiteAt)).put("closedAt", Json.millis(closedAt)).put("closedBy", closedBy)
        .put("closeNote", closeNote).put("escalationStep", escalationStep)
        .put("nextEscalationAt", Json.millis(nextEscalationAt)).put("supervisorFlag", supervisorFlag);
  }

  public static AlarmView fromJson(JsonObject j) {
    return new AlarmView(j.getLong("id"), j.getLong("elderId"), j.getLong("householdId"), j.getLong("villageId"),
        j.getLong("townshipId"), j.getString("type"), j.getInteger("priority"), j.getString("state"),
        Json.instant(j, "openedAt"), Json.instant(j, "acknowledgedAt"), j.getString("acknowledgedBy"),
        Json.instant(j, "onSiteAt"), Json.instant(j, "closedAt"), j.getString("closedBy"), j.getString("closeNote"),
        j.getInteger("escalationStep", 0), Json.instant(j, "nextEscalationAt"), j.getBoolean("supervisorFlag", false));
  }
}
