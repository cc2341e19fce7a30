package org.anxin.infra.bus.hotline;

import io.vertx.core.json.JsonObject;

/**
 * The hotline's answer to an {@link OriginateRequest}.
 *
 * @param answered whether the callee picked up
 * @param callId the {@code calls} row of the call, when one was placed
 * @param detail the hang-up cause or why no call was placed
 */
public record OriginateReply(boolean answered, Long callId, String detail) {

  public JsonObject toJson() {
    return new JsonObject().put("answered", answered).put("callId", callId).put("detail", detail);
  }

  public static OriginateReply fromJson(JsonObject j) {
    return new OriginateReply(j.getBoolean("answered", false), j.getLong("callId"), j.getString("detail"));
  }
}
