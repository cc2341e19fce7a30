package org.anxin.console.stream;

import io.vertx.core.http.HttpServerResponse;
import org.anxin.console.auth.Principal;

/**
 * One open stream: its response, the session it belongs to, and the principal it filters by, refreshed at every
 * heartbeat so that a changed link or a disabled user counts within one heartbeat.
 */
final class Connection {

  private final HttpServerResponse response;
  private final String sessionId;
  private volatile Principal principal;
  private volatile boolean closed;

  Connection(HttpServerResponse response, String sessionId, Principal principal) {
    this.response = response;
    this.sessionId = sessionId;
    this.principal = principal;
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
    String frame = event.frameFor(principal);
    if (frame != null) {
      write(frame);
    }
  }

  void write(String text) {
    if (closed) {
      return;
    }
    if (response.writeQueueFull()) {
      close();
      return;
    }
    response.write(text);
  }

  void close() {
    if (!closed) {
      closed = true;
      response.end();
    }
  }

  void markClosed() {
    closed = true;
  }
}
