package org.anxin.infra.bus.calls;

import io.vertx.core.json.JsonObject;

/**
 * The hotline's answer to a {@link HotlineRequest}.
 *
 * @param detail what happened, in a sentence (Asterisk's message for a queue action)
 * @param data extra results, e.g. the care calls placed
 */
public record HotlineAnswer(Long callId, String detail, JsonObject data) {

  public HotlineAnswer {
    data = data == null ? new JsonObject() : data;
  }

  public JsonObject toJson() {
    return new JsonObject().put("callId", callId).put("detail", detail).put("data", data);
  }

  public static HotlineAnswer fromJson(JsonObject j) {
    return new HotlineAnswer(j.getLong("callId"), j.getString("detail"), j.getJsonObject("data"));
  }
}
