package org.anxin.console.stream;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Role;

import static io.vertx.core.http.HttpMethod.GET;

/**
 * {@code GET /api/stream}: Server-Sent Events of the alarm and order changes the user may see, notices addressed to
 * them, and screen pops for the desk; a heartbeat comment keeps proxies from closing it.
 */
public final class StreamRoutes {

  private final StreamHub hub;

  public StreamRoutes(StreamHub hub) {
    this.hub = hub;
  }

  public void mount(ApiRouter api) {
    api.raw(GET, "/stream", Role.ALL, Spec.of("Live stream (text/event-stream): events alarm, alarm-raised, order, "
        + "notice, call, reset; resumes from Last-Event-ID within the replay window"), this::handleStream);
  }

  private void handleStream(RoutingContext rc) {
    HttpServerResponse response = rc.response();
    response.setChunked(true).putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-store").putHeader("x-accel-buffering", "no");
    Connection connection = new Connection(Vertx.currentContext(), response, rc.session().id(), Access.principal(rc));
    response.closeHandler(v -> {
      connection.markClosed();
      hub.close(connection);
    });
    connection.write("retry: 3000\nevent: hello\ndata: " + Access.principal(rc).toJson().encode() + "\n\n");
    hub.open(connection, rc.request().getHeader("Last-Event-ID"));
  }
}
