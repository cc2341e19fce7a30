package org.anxin.infra.bus.hotline;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

/**
 * A {@code hotline.originate} request: place a call to {@code number} (a callback to an elder, a voice alert to a
 * carer) and answer with an {@link OriginateReply} once it is answered or has failed. A failure code or no answer
 * within the requester's timeout counts as a failed call.
 *
 * @param key idempotency key (alarm, step, recipient, channel): the hotline places one call per key
 * @param purpose {@code ALARM_CALLBACK}, {@code ALARM_ALERT} or {@code ORDER}
 * @param text what the call is about, read to the callee or shown to the operator bridged in
 */
public record OriginateRequest(String key, String number, String purpose, Long alarmId, Long elderId, String text) {

  public JsonObject toJson() {
    return new JsonObject().put("key", key).put("number", number).put("purpose", purpose).put("alarmId", alarmId)
        .put("elderId", elderId).put("text", text);
  }

  public static OriginateRequest fromJson(JsonObject j) {
    return new OriginateRequest(Json.required(j, "key"), Json.required(j, "number"), j.getString("purpose"),
        j.getLong("alarmId"), j.getLong("elderId"), j.getString("text"));
  }
}
