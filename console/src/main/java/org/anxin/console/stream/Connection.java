package org.anxin.console.stream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import org.anxin.console.auth.Principal;

import java.util.Objects;

/**
 * One open stream: its response, the session it belongs to, and the principal it filters by, refreshed at every
 * heartbeat so that a changed link or a disabled user counts within one heartbeat. A page's stream takes the events
 * of no particular elder; an elder's live map ({@code watching}) only that elder's. A response belongs to the
 * context of its request: every write is done there, whichever thread the event came from.
 */
final class Connection {

  private final Context context;
  private final HttpServerResponse response;
  private final String sessionId;
  private final Long watching;
  private volatile Principal principal;
  private volatile boolean closed;

  Connection(Context context, HttpServerResponse response, String sessionId, Principal principal, Long watching) {
    this.context = context;
    this.response = response;
    this.sessionId = sessionId;
    this.principal = principal;
    this.watching = watching;
  }

  String sessionId() {
    return sessionId;
  }

  Principal principal() {
    return principal;
  }

  void principal(Principal p) {
    principal = p;
  }

  boolean closed() {
    return closed;
  }

  /** Writes the event if it is this user's; a client that cannot keep up is cut off and resumes from its last id. */
  void send(StreamEvent event) {
    if (!Objects.equals(event.elderId(), watching)) {
      return;
    }
    String frame = event.frameFor(principal);
    if (frame != null) {
      write(frame);
    }
  }

  void write(String text) {
    context.runOnContext(v -> {
      if (closed) {
        return;
      }
      if (response.writeQueueFull()) {
        end();
      } else {
        response.write(text);
      }
    });
  }

  void close() {
    context.runOnContext(v -> end());
  }

  private void end() {
    if (!closed) {
      closed = true;
      response.end();
    }
  }

  void markClosed() {
    closed = true;
  }
}
