package org.anxin.console.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.console.auth.Principal;

import java.util.List;

/**
 * What families and carers see of an alarm's or order's history: who was notified, by which channel, and what a
 * provider was told concern other people, so their events keep only the step and the notes. Staff see it all.
 * The live stream trims its events the same way.
 */
final class Redaction {

  private static final List<String> KEPT = List.of("note", "step", "comment", "rating");

  private Redaction() {
  }

  static JsonObject events(JsonObject row, Principal p) {
    if (p.staff() || row.getJsonArray("events") == null) {
      return row;
    }
    JsonArray trimmed = new JsonArray();
    for (Object o : row.getJsonArray("events")) {
      JsonObject event = ((JsonObject) o).copy();
      JsonObject details = event.getJsonObject("details", new JsonObject());
      JsonObject kept = new JsonObject();
      KEPT.stream().filter(details::containsKey).forEach(k -> kept.put(k, details.getValue(k)));
      trimmed.add(event.put("details", kept));
    }
    return row.put("events", trimmed);
  }
}
