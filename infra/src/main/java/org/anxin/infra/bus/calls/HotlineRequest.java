package org.anxin.infra.bus.calls;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

/**
 * A {@code hotline.request} from the console, on behalf of a logged-in user (the console checks the role). Answered
 * with a {@link HotlineAnswer}, or failed with 400 (malformed), 404 (no such call, elder or extension), 409 (not
 * allowed now) or 503 (Asterisk not connected).
 */
public record HotlineRequest(HotlineAction action, long userId, String username, String extension, Long callId,
                             String number, Long elderId, String disposition, String note, Integer limit) {

  public HotlineRequest {
    if (action == null || username == null || username.isBlank()) {
      throw new IllegalArgumentException("'action' and 'username' are required");
    }
  }

  public static HotlineRequest of(HotlineAction action, long userId, String username) {
    return new HotlineRequest(action, userId, username, null, null, null, null, null, null, null);
  }

  public JsonObject toJson() {
    return new JsonObject().put("action", action.name()).put("userId", userId).put("username", username)
        .put("extension", extension).put("callId", callId).put("number", number).put("elderId", elderId)
        .put("disposition", disposition).put("note", note).put("limit", limit);
  }

  public static HotlineRequest fromJson(JsonObject j) {
    return new HotlineRequest(Json.enumValue(HotlineAction.class, j, "action"), Json.requiredLong(j, "userId"),
        j.getString("username"), j.getString("extension"), j.getLong("callId"), j.getString("number"),
        j.getLong("elderId"), j.getString("disposition"), j.getString("note"), j.getInteger("limit"));
  }
}
