package org.anxin.infra.bus.stream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A {@code notify.stream} message: something the named users should see on their live stream now. The console
 * forwards it to the SSE streams of exactly these user ids.
 *
 * @param key the notification's idempotency key: a stream that saw it already drops a repeat
 * @param subject what it is about, e.g. {@code alarm:42} or {@code order:7}
 * @param payload the alarm or order as published on {@code alarm.changed} / {@code order.changed}
 */
public record StreamNotice(List<Long> userIds, String key, String subject, Long elderId, String text,
                           JsonObject payload) {

  public StreamNotice {
    userIds = List.copyOf(userIds);
    payload = payload == null ? new JsonObject() : payload;
  }

  public JsonObject toJson() {
    return new JsonObject().put("userIds", new JsonArray(userIds.stream().map(Object.class::cast).toList()))
        .put("key", key).put("subject", subject).put("elderId", elderId).put("text", text).put("payload", payload);
  }

  public static StreamNotice fromJson(JsonObject j) {
    List<Long> ids = j.getJsonArray("userIds").stream().map(o -> ((Number) o).longValue()).toList();
    return new StreamNotice(ids, j.getString("key"), j.getString("subject"), j.getLong("elderId"),
        j.getString("text"), j.getJsonObject("payload"));
  }
}
