package org.anxin.infra.bus.orders;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

import java.time.Instant;

/**
 * An {@code order.create} request. Answered with the new order's {@link OrderView} (already ASSIGNED when a
 * provider had room, else NEW and retried by the dispatcher's timer), or failed with 400 (malformed, slot end before
 * start) or 404 (no such elder).
 *
 * @param slotStart the requested time slot; null means as soon as possible
 * @param createdBy a username, {@code ivr:<caller>} or {@code schedule:<id>}
 * @param requestKey optional idempotency key: while an order with this key exists, a request carrying it answers
 *                   that order and creates none (409 when it is for another elder or type); the IVR sends
 *                   {@code ivr:<Uniqueid>:<key pressed>}
 */
public record OrderCreate(long elderId, ServiceType type, OrderSource source, Instant slotStart, Instant slotEnd,
                          Long callId, Long alarmId, String createdBy, String notes, String requestKey) {

  public static final int MAX_REQUEST_KEY = 200;

  public OrderCreate {
    if (type == null || source == null) {
      throw new IllegalArgumentException("'type' and 'source' are required");
    }
    if (slotStart != null && slotEnd != null && !slotEnd.isAfter(slotStart)) {
      throw new IllegalArgumentException("'slotEnd' must be after 'slotStart'");
    }
    if (requestKey != null && (requestKey.isBlank() || requestKey.length() > MAX_REQUEST_KEY)) {
      throw new IllegalArgumentException("'requestKey' must be 1 to " + MAX_REQUEST_KEY + " characters");
    }
  }

  /** A request without an idempotency key. */
  public OrderCreate(long elderId, ServiceType type, OrderSource source, Instant slotStart, Instant slotEnd,
                     Long callId, Long alarmId, String createdBy, String notes) {
    this(elderId, type, source, slotStart, slotEnd, callId, alarmId, createdBy, notes, null);
  }

  public JsonObject toJson() {
    return new JsonObject().put("elderId", elderId).put("type", type.name()).put("source", source.name())
        .put("slotStart", Json.millis(slotStart)).put("slotEnd", Json.millis(slotEnd)).put("callId", callId)
        .put("alarmId", alarmId).put("createdBy", createdBy).put("notes", notes)
        .put("requestKey", requestKey);
  }

  public static OrderCreate fromJson(JsonObject j) {
    return new OrderCreate(Json.requiredLong(j, "elderId"), Json.enumValue(ServiceType.class, j, "type"),
        Json.enumValue(OrderSource.class, j, "source"), Json.instant(j, "slotStart"), Json.instant(j, "slotEnd"),
        j.getLong("callId"), j.getLong("alarmId"), j.getString("createdBy"), j.getString("notes"),
        j.getString("requestKey"));
  }
}
