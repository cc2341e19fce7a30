package org.anxin.infra.node;

import io.vertx.core.Vertx;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@link Retention} every {@code ANXIN_RETENTION_INTERVAL_MINUTES}, one pass at a time: a pass that outlasts
 * the interval is not joined by a second one.
 */
final class RetentionSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final Vertx vertx;
  private final long timerId;
  private final AtomicBoolean running = new AtomicBoolean();

  private RetentionSchedule(Vertx vertx, Retention retention, long intervalMs) {
    this.vertx = vertx;
    this.timerId = vertx.setPeriodic(intervalMs, id -> runOnce(retention));
  }

  static RetentionSchedule start(Vertx vertx, Database database, Retention.Options options) {
    return new RetentionSchedule(vertx, new Retention(database, options),
        TimeUnit.MINUTES.toMillis(options.intervalMinutes()));
  }

  private void runOnce(Retention retention) {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    retention.run()
        .onFailure(e -> LOG.warn("Retention pass failed: {}", e.getMessage()))
        .onComplete(ignored -> running.set(false));
  }

  void stop() {
    vertx.cancelTimer(timerId);
  }
}
