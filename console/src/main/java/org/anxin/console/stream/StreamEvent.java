package org.anxin.console.stream;

import io.vertx.core.json.JsonObject;
import org.anxin.console.auth.Principal;

import java.util.function.Function;

/**
 * One event of the live stream, with who may see it. {@code view} gives the data a principal receives: the full
 * record for staff, a trimmed one (or null: not for them) for families and carers.
 *
 * @param id {@code <instance>-<seq>}, what a reconnecting browser sends back as {@code Last-Event-ID}
 * @param type the SSE event name: {@code alarm}, {@code alarm-raised}, {@code order}, {@code notice}, {@code call}
 */
public record StreamEvent(String id, long seq, long at, String type, Function<Principal, JsonObject> view) {

  /** The SSE frame for this principal, or null when the event is not theirs. */
  public String frameFor(Principal principal) {
    JsonObject data = view.apply(principal);
    return data == null ? null : "id: " + id + "\nevent: " + type + "\ndata: " + data.encode() + "\n\n";
  }
}
