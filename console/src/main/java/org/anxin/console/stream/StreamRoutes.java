package org.anxin.console.stream;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiException;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.Bodies;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.ElderSql;
import org.anxin.infra.db.Database;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.vertx.core.http.HttpMethod.GET;

/**
 * {@code GET /api/stream}: Server-Sent Events of the alarm and order changes the user may see, notices addressed to
 * them, and screen pops for the desk; a heartbeat comment keeps proxies from closing it. {@code GET
 * /api/elders/{id}/live}: the same kind of stream for one elder's open map, carrying that elder's new fixes.
 */
public final class StreamRoutes {

  private final StreamHub hub;
  private final LiveFixes fixes;
  private final Database database;

  public StreamRoutes(StreamHub hub, LiveFixes fixes, Database database) {
    this.hub = hub;
    this.fixes = fixes;
    this.database = database;
  }

  public void mount(ApiRouter api) {
    api.raw(GET, "/stream", Role.ALL, Spec.of("Live stream (text/event-stream): events alarm, alarm-raised, order, "
        + "notice, call, reset; resumes from Last-Event-ID within the replay window"), this::handleStream);
    api.raw(GET, "/elders/:id/live", Role.ALL, Spec.of("Live fixes of one elder for an open map "
        + "(text/event-stream): event fix {elderId, deviceId, ts, lat, lon, acc, src}, from 'since' on (audited)")
        .query("since"), this::handleLive);
  }

  private void handleStream(RoutingContext rc) {
    hub.open(open(rc, null, () -> { }), rc.request().getHeader("Last-Event-ID"));
  }

  /** Opens once the elder is found in the caller's scope (else 404, as every read of an elder) and audited. */
  private void handleLive(RoutingContext rc) {
    Principal p = Access.principal(rc);
    long elderId = Bodies.pathId(rc, "id");
    Instant since = Bodies.queryInstant(rc, "since");
    database.inTransaction(c -> {
      if (!ElderSql.exists(c, p.scope(), elderId)) {
        throw ApiException.notFound("elder " + elderId);
      }
      AuditLog.write(c, p, "elder.live", "elder", elderId, null);
      return null;
    }).onFailure(rc::fail).onSuccess(v -> {
      if (rc.response().closed()) {
        return;
      }
      fixes.watch(elderId, since);
      hub.open(open(rc, elderId, () -> fixes.unwatch(elderId)), rc.request().getHeader("Last-Event-ID"));
    });
  }

  private Connection open(RoutingContext rc, Long watching, Runnable closed) {
    HttpServerResponse response = rc.response();
    response.setChunked(true).putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-store").putHeader("x-accel-buffering", "no");
    Connection connection = new Connection(Vertx.currentContext(), response, rc.session().id(), Access.principal(rc),
        watching);
    AtomicBoolean gone = new AtomicBoolean();
    Runnable leave = () -> {
      if (gone.compareAndSet(false, true)) {
        connection.markClosed();
        hub.close(connection);
        closed.run();
      }
    };
    // The browser going away closes it; the server ending it (sign-out, too slow a reader) only ends the response.
    response.closeHandler(v -> leave.run());
    rc.addEndHandler(ar -> leave.run());
    connection.write("retry: 3000\nevent: hello\ndata: " + Access.principal(rc).toJson().encode() + "\n\n");
    return connection;
  }
}
