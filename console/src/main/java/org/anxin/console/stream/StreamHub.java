package org.anxin.console.stream;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.sstore.SessionStore;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;

/**
 * The open streams of this console and the recent events for resuming. Event ids are {@code <instance>-<seq>}: a
 * browser that reconnects to this instance within the replay window gets what it missed; one that reconnects after
 * longer, or to another instance behind the load balancer, gets a {@code reset} event and reloads its lists.
 */
public final class StreamHub {

  /** Bounds the replay memory in a storm; a browser further behind gets a reset. */
  private static final int MAX_RECENT = 10_000;

  private final Set<Connection> connections = new CopyOnWriteArraySet<>();
  private final Deque<StreamEvent> recent = new ArrayDeque<>();
  /** Tells this instance's ids from another's; generateSeed would block on a machine short of entropy. */
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final Duration replayWindow;
  private final Clock clock;
  private long seq;

  public StreamHub(Duration replayWindow, Clock clock) {
    this.replayWindow = replayWindow;
    this.clock = clock;
  }

  public void publish(String type, Function<Principal, JsonObject> view) {
    publish(type, null, view);
  }

  /** An event for the streams watching one elder's live map ({@code elderId}), or for the pages' (null). */
  public synchronized void publish(String type, Long elderId, Function<Principal, JsonObject> view) {
    long now = clock.millis();
    seq++;
    StreamEvent event = new StreamEvent(instance + "-" + seq, seq, now, type, elderId, view);
    recent.addLast(event);
    while (!recent.isEmpty() && (recent.peekFirst().at() < now - replayWindow.toMillis()
        || recent.size() > MAX_RECENT)) {
      recent.removeFirst();
    }
    connections.forEach(c -> c.send(event));
  }

  /** Registers a stream and replays what it missed since {@code lastEventId}, or tells it to reset. */
  synchronized void open(Connection connection, String lastEventId) {
    connections.add(connection);
    if (lastEventId == null || lastEventId.isBlank()) {
      return;
    }
    Long after = seqOf(lastEventId);
    StreamEvent oldest = recent.peekFirst();
    boolean coverable = after != null && (after >= seq || oldest != null && oldest.seq() <= after + 1);
    if (!coverable) {
      connection.write("event: reset\ndata: {}\n\n");
      return;
    }
    recent.stream().filter(e -> e.seq() > after).forEach(connection::send);
  }

  void close(Connection connection) {
    connections.remove(connection);
  }

  public int size() {
    return connections.size();
  }

  /**
   * A heartbeat comment to every stream, after checking each one's session is still alive and reloading its
   * principal: a signed-out session or a disabled user loses the stream, a changed scope applies from now on.
   */
  public void heartbeat(SessionStore sessions, Access access) {
    String beat = ": heartbeat " + clock.millis() + "\n\n";
    for (Connection c : List.copyOf(connections)) {
      sessions.get(c.sessionId())
          .compose(session -> {
            Long userId = session == null ? null : Access.userId(session);
            return userId == null ? Future.<Principal>succeededFuture() : access.load(userId);
          })
          .onSuccess(p -> {
            if (p == null) {
              c.close();
              close(c);
            } else {
              c.principal(p);
              c.write(beat);
            }
          })
          .onFailure(e -> c.write(beat));
    }
  }

  private Long seqOf(String lastEventId) {
    String prefix = instance + "-";
    if (!lastEventId.startsWith(prefix)) {
      return null;
    }
    try {
      return Long.parseLong(lastEventId.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
