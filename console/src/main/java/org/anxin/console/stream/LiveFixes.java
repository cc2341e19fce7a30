package org.anxin.console.stream;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.console.sql.HealthSql;
import org.anxin.infra.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * New GPS fixes for the live maps: while someone on this console has an elder's map open, the telemetry the gateway
 * stored for that elder's devices is read at every poll (one query for all watched elders, however many viewers)
 * and published as {@code fix} events to the streams watching that elder, each checked against its viewer's scope.
 * Nothing is read for an elder nobody watches.
 */
public final class LiveFixes {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFixes.class);
  /** A viewer catches up at most this far back: the map loaded its track just before. */
  private static final Duration LONGEST_CATCH_UP = Duration.ofHours(1);
  private static final int MOST_PER_POLL = 1_000;

  private final StreamHub hub;
  private final Database database;
  private final Clock clock;
  /** Per watched elder: how many streams watch it, and the measuring time of the newest fix published. */
  private final Map<Long, Watch> watched = new HashMap<>();
  private boolean polling;

  private static final class Watch {
    int viewers;
    long afterMs;
  }

  public LiveFixes(StreamHub hub, Database database, Clock clock) {
    this.hub = hub;
    this.database = database;
    this.clock = clock;
  }

  /**
   * A stream starts watching the elder, having drawn the track up to {@code sinceOrNull} (null: now): the next poll
   * reads from there (the others watching it may get a fix twice; the page keeps a device's track in time order).
   */
  synchronized void watch(long elderId, Instant sinceOrNull) {
    long now = clock.millis();
    long since = sinceOrNull == null ? now : Math.max(sinceOrNull.toEpochMilli(), now - LONGEST_CATCH_UP.toMillis());
    Watch w = watched.computeIfAbsent(elderId, id -> {
      Watch fresh = new Watch();
      fresh.afterMs = since;
      return fresh;
    });
    w.viewers++;
    w.afterMs = Math.min(w.afterMs, since);
  }

  synchronized void unwatch(long elderId) {
    Watch w = watched.get(elderId);
    if (w != null && --w.viewers <= 0) {
      watched.remove(elderId);
    }
  }

  /** Reads and publishes what is new; a poll still running when the timer fires again is not doubled. */
  public Future<Void> poll() {
    Long[] elders;
    Long[] after;
    synchronized (this) {
      if (polling || watched.isEmpty()) {
        return Future.succeededFuture();
      }
      polling = true;
      elders = watched.keySet().toArray(Long[]::new);
      after = new Long[elders.length];
      for (int i = 0; i < elders.length; i++) {
        after[i] = watched.get(elders[i]).afterMs;
      }
    }
    return database.withConnection(c -> HealthSql.newFixes(c, elders, after, MOST_PER_POLL))
        .onSuccess(this::publish)
        .onFailure(e -> LOG.warn("Reading new fixes for the live maps failed: {}", e.getMessage()))
        .<Void>mapEmpty()
        .eventually(() -> {
          synchronized (this) {
            polling = false;
          }
          return Future.succeededFuture();
        });
  }

  private synchronized void publish(List<JsonObject> fixes) {
    for (JsonObject row : fixes) {
      long elderId = row.getLong("elderId");
      long ts = row.getLong("ts");
      Watch w = watched.get(elderId);
      if (w == null || ts <= w.afterMs) {
        continue;
      }
      w.afterMs = ts;
      JsonObject fix = row.copy();
      hub.publish("fix", elderId, p -> p.scope().seesElder(elderId) ? fix : null);
    }
  }
}
