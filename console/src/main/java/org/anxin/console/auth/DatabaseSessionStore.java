package org.anxin.console.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;
import io.vertx.ext.web.sstore.impl.SharedDataSessionImpl;
import org.anxin.console.sql.SessionSql;
import org.anxin.infra.db.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Vert.x Web sessions kept in PostgreSQL ({@code console_sessions}), so that the console holds no session state and
 * any node behind a load balancer serves any session. A session is stored in Vert.x's own serialized form, the last
 * write winning: its values change only at sign-in (under a new id) and when its CSRF token is made. Vert.x Web
 * answers before the store's write completes, so a session not found is looked up again for {@link #RETRY}, as
 * with Vert.x's clustered store: the browser's next request may overtake the write of a new session. For the same
 * reason a deleted session is not removed but ended and kept for {@link #ENDED_KEPT}: a write of the session still in
 * flight when it was signed out finds it ended and cannot sign it in again.
 */
public final class DatabaseSessionStore implements SessionStore {

  static final long RETRY = 1_000;
  static final Duration ENDED_KEPT = Duration.ofHours(1);

  private final Database database;
  private final Clock clock;
  private VertxContextPRNG random;

  public DatabaseSessionStore(Vertx vertx, Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.random = VertxContextPRNG.current(vertx);
  }

  @Override
  public SessionStore init(Vertx vertx, JsonObject options) {
    random = VertxContextPRNG.current(vertx);
    return this;
  }

  @Override
  public long retryTimeout() {
    return RETRY;
  }

  @Override
  public Session createSession(long timeout) {
    return new SharedDataSessionImpl(random, timeout, DEFAULT_SESSIONID_LENGTH);
  }

  @Override
  public Session createSession(long timeout, int length) {
    return new SharedDataSessionImpl(random, timeout, length);
  }

  @Override
  public Future<Session> get(String id) {
    return database.withConnection(c -> SessionSql.get(c, id, clock.instant())).map(this::read);
  }

  @Override
  public Future<Void> delete(String id) {
    Instant now = clock.instant();
    return database.withConnection(c -> {
      SessionSql.end(c, id, now, now.plus(ENDED_KEPT));
      return null;
    });
  }

  @Override
  public Future<Void> put(Session session) {
    SharedDataSessionImpl s = (SharedDataSessionImpl) session;
    s.incrementVersion();
    Buffer data = Buffer.buffer();
    s.writeToBuffer(data);
    Instant accessed = clock.instant();
    Instant expires = accessed.plusMillis(s.timeout());
    return database.withConnection(c -> {
      SessionSql.put(c, s.id(), data.getBytes(), s.version(), accessed, expires);
      return null;
    });
  }

  @Override
  public Future<Void> clear() {
    return database.withConnection(c -> {
      SessionSql.deleteAll(c);
      return null;
    });
  }

  @Override
  public Future<Integer> size() {
    return database.withConnection(c -> SessionSql.count(c, clock.instant()));
  }

  /** Deletes the sessions that have expired; the console runs it on a timer. */
  public Future<Integer> purge() {
    return database.withConnection(c -> SessionSql.deleteExpired(c, clock.instant()));
  }

  @Override
  public void close() {
  }

  private Session read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    SharedDataSessionImpl session = new SharedDataSessionImpl(random);
    session.readFromBuffer(0, Buffer.buffer(bytes));
    return session;
  }
}
