package org.anxin.infra.bus.calls;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

import java.time.Instant;

/**
 * A {@code call.event}: a call changed state. The operator's screen pop, which carries a person's record, is not
 * this broadcast but a {@code notify.stream} notice to the ringing operator alone.
 *
 * @param state {@code IVR}, {@code WAITING}, {@code RINGING}, {@code TALKING}, {@code ABANDONED} or {@code ENDED}
 * @param position the place in the queue while waiting
 * @param agent the operator's username (or queue member name) while ringing or talking
 */
public record CallEvent(String uniqueId, Long callId, String state, String callerNumber, Long elderId, String queue,
                        Integer position, String agent, Instant at) {

  public JsonObject toJson() {
    return new JsonObject().put("uniqueId", uniqueId).put("callId", callId).put("state", state)
        .put("callerNumber", callerNumber).put("elderId", elderId).put("queue", queue).put("position", position)
        .put("agent", agent).put("at", Json.millis(at));
  }

  public static CallEvent fromJson(JsonObject j) {
    return new CallEvent(j.getString("uniqueId"), j.getLong("callId"), j.getString("state"),
        j.getString("callerNumber"), j.getLong("elderId"), j.getString("queue"), j.getInteger("position"),
        j.getString("agent"), Json.instant(j, "at"));
  }
}
