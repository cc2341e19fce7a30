package org.anxin.hotline.ivr;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.calls.CallStore;
import org.anxin.infra.db.Database;

/**
 * The IVR's first step, one transaction: the call's row (shared with AMI by Uniqueid), who the number belongs to,
 * and the {@code IVR_START} event.
 */
public final class IvrStart {

  /** The call's row id and who is calling. */
  public record Started(long callId, CallerMatch match) {
  }

  private final Database database;

  public IvrStart(Database database) {
    this.database = database;
  }

  public Future<Started> start(String uniqueId, String caller) {
    return database.inTransaction(c -> {
      long callId = CallStore.open(c, uniqueId, caller, "INBOUND");
      CallerMatch match = CallerLookup.match(c, caller);
      CallStore.event(c, callId, "IVR_START", new JsonObject().put("caller", caller)
          .put("kind", match.kind().name())
          .put("elders", new JsonArray(match.elders().stream().map(e -> (Object) e.id()).toList())));
      return new Started(callId, match);
    });
  }
}
