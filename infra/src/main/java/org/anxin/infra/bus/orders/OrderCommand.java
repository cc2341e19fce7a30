package org.anxin.infra.bus.orders;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

/**
 * An {@code order.command} request: move one order along. Answered with the order's new {@link OrderView}, or
 * failed with 400 (malformed, REVIEW without a rating in 1..5), 404 (no such order) or 409 (not allowed from its
 * state, or ACCEPT/REFUSE by a provider the order is not assigned to).
 *
 * @param providerId for ACCEPT and REFUSE: the provider answering, checked against the assignment
 */
public record OrderCommand(long orderId, OrderAction action, String actor, Long providerId, Integer rating,
                           String comment) {

  public OrderCommand {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("'actor' is required");
    }
    if (action == OrderAction.REVIEW && (rating == null || rating < 1 || rating > 5)) {
      throw new IllegalArgumentException("a REVIEW needs a rating from 1 to 5");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId).put("action", action.name()).put("actor", actor)
        .put("providerId", providerId).put("rating", rating).put("comment", comment);
  }

  public static OrderCommand fromJson(JsonObject j) {
    return new OrderCommand(Json.requiredLong(j, "orderId"), Json.enumValue(OrderAction.class, j, "action"),
        j.getString("actor"), j.getLong("providerId"), j.getInteger("rating"), j.getString("comment"));
  }
}
