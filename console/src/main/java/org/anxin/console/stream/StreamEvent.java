package org.anxin.console.stream;

import io.vertx.core.json.JsonObject;
import org.anxin.console.auth.Principal;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One event of the live stream, with who may see it. {@code view} gives the data a principal receives: the full
 * record for staff, a trimmed one (or null: not for them) for families and carers. A view shared by many streams
 * is encoded once. Used under the hub's lock.
 */
final class StreamEvent {

  private final String id;
  private final long seq;
  private final long at;
  private final String type;
  private final Long elderId;
  private final Function<Principal, JsonObject> view;
  private final Map<JsonObject, String> frames = new IdentityHashMap<>();

  /**
   * @param id {@code <instance>-<seq>}, what a reconnecting browser sends back as {@code Last-Event-ID}
   * @param type the SSE event name: {@code alarm}, {@code alarm-raised}, {@code order}, {@code notice}, {@code call},
   *     {@code fix}
   * @param elderId for an elder's live map only ({@code fix}): the streams watching that elder get it, no other;
   *     null for the page streams
   */
  StreamEvent(String id, long seq, long at, String type, Long elderId, Function<Principal, JsonObject> view) {
    this.id = id;
    this.seq = seq;
    this.at = at;
    this.type = type;
    this.elderId = elderId;
    this.view = view;
  }

  Long elderId() {
    return elderId;
  }

  long seq() {
    return seq;
  }

  long at() {
    return at;
  }

  /** The SSE frame for this principal, or null when the event is not theirs. */
  String frameFor(Principal principal) {
    JsonObject data = view.apply(principal);
    if (data == null) {
      return null;
    }
    return frames.computeIfAbsent(data, d -> "id: " + id + "\nevent: " + type + "\ndata: " + d.encode() + "\n\n");
  }
}
