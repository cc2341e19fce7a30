package org.anxin.infra.bus.orders;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

import java.time.Instant;

/**
 * The {@code order.changed} message: every change of a service order, with the order as it is now.
 *
 * @param change what happened; also the {@code kind} of the {@code order_events} row written for it
 */
public record OrderChanged(Change change, String actor, Instant at, OrderView order, JsonObject details) {

  /** The kinds of change. */
  public enum Change {
    CREATED, ASSIGNED, UNASSIGNED, ACCEPTED, REFUSED, ACCEPT_TIMEOUT, STARTED, DONE, RETURN_VISIT_DUE, REVIEWED,
    CANCELLED, SLA_LATE_ACCEPT, SLA_LATE_DELIVERY, VISIT_VERIFIED, VISIT_UNVERIFIED
  }

  public OrderChanged {
    details = details == null ? new JsonObject() : details;
  }

  public JsonObject toJson() {
    return new JsonObject().put("change", change.name()).put("actor", actor).put("at", Json.millis(at))
        .put("order", order.toJson()).put("details", details);
  }

  public static OrderChanged fromJson(JsonObject j) {
    return new OrderChanged(Change.valueOf(j.getString("change")), j.getString("actor"), Json.instant(j, "at"),
        OrderView.fromJson(j.getJsonObject("order")), j.getJsonObject("details"));
  }
}
