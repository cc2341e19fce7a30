package org.anxin.infra.bus.orders;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

import java.time.Instant;

/**
 * One service order as the dispatcher answers and publishes it; {@code elderId} lets the console scope it.
 *
 * @param slaFlag late to be accepted or delivered
 * @param visitVerified for a done VISIT: true when the elder's devices confirm it, false when flagged, else null
 */
public record OrderView(long id, long elderId, String type, String state, String source, Instant slotStart,
                        Instant slotEnd, Long providerId, Long callId, Long alarmId, String createdBy,
                        Instant createdAt, Instant assignedAt, Instant acceptedAt, Instant startedAt,
                        Instant doneAt, Instant reviewedAt, Instant cancelledAt, Integer rating,
                        String reviewComment, String notes, boolean slaFlag, Boolean visitVerified) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("elderId", elderId).put("type", type).put("state", state)
        .put("source", source).put("slotStart", Json.millis(slotStart)).put("slotEnd", Json.millis(slotEnd))
        .put("providerId", providerId).put("callId", callId).put("alarmId", alarmId).put("createdBy", createdBy)
        .put("createdAt", Json.millis(createdAt)).put("assignedAt", Json.millis(assignedAt))
        .put("acceptedAt", Json.millis(acceptedAt)).put("startedAt", Json.millis(startedAt))
        .put("doneAt", Json.millis(doneAt)).put("reviewedAt", Json.millis(reviewedAt))
        .put("cancelledAt", Json.millis(cancelledAt)).put("rating", rating).put("reviewComment", reviewComment)
        .put("notes", notes).put("slaFlag", slaFlag).put("visitVerified", visitVerified);
  }

  public static OrderView fromJson(JsonObject j) {
    return new OrderView(j.getLong("id"), j.getLong("elderId"), j.getString("type"), j.getString("state"),
        j.getString("source"), Json.instant(j, "slotStart"), Json.instant(j, "slotEnd"), j.getLong("providerId"),
        j.getLong("callId"), j.getLong("alarmId"), j.getString("createdBy"), Json.instant(j, "createdAt"),
        Json.instant(j, "assignedAt"), Json.instant(j, "acceptedAt"), Json.instant(j, "startedAt"),
        Json.instant(j, "doneAt"), Json.instant(j, "reviewedAt"), Json.instant(j, "cancelledAt"),
        j.getInteger("rating"), j.getString("reviewComment"), j.getString("notes"), j.getBoolean("slaFlag", false),
        j.getBoolean("visitVerified"));
  }
}
