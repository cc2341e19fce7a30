package org.anxin.gateway.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a Paho client's first connection until it succeeds, 1 s to 30 s apart, on the client's own worker thread.
 * Paho reconnects by itself only after a first successful connection; without this a gateway started while its
 * broker is down would never connect.
 */
public final class FirstConnection {

  /** One attempt, run on the client's worker thread; it does nothing when the client is already connected. */
  @FunctionalInterface
  public interface Attempt {
    void run() throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(FirstConnection.class);
  private static final long FIRST_RETRY_MS = 1_000;
  private static final long LAST_RETRY_MS = 30_000;

  private final Vertx vertx;
  private final WorkerExecutor pahoCalls;
  private final String name;
  private final String serverUri;
  private volatile boolean stopped;
  private long retryTimer = -1;

  /** @param name who connects, for the log ("Gateway", "Alarm rules") */
  public FirstConnection(Vertx vertx, WorkerExecutor pahoCalls, String name, String serverUri) {
    this.vertx = vertx;
    this.pahoCalls = pahoCalls;
    this.name = name;
    this.serverUri = serverUri;
  }

  /** Makes the first attempt and completes once it is over, whatever its outcome; failures are retried until stop. */
  public Future<Void> start(Attempt attempt) {
    Promise<Void> first = Promise.promise();
    attempt(attempt, FIRST_RETRY_MS, first);
    return first.future();
  }

  /** Stops retrying; an attempt already running finishes. */
  public void stop() {
    stopped = true;
    vertx.cancelTimer(retryTimer);
  }

  private void attempt(Attempt attempt, long retryMs, Promise<Void> first) {
    pahoCalls.<Void>executeBlocking(() -> {
      if (!stopped) {
        attempt.run();
      }
      return null;
    }).onComplete(ar -> {
      if (first != null) {
        first.complete();
      }
      if (ar.failed() && !stopped) {
        LOG.warn("{} cannot reach the MQTT broker at {} ({}); trying again in {} s", name, serverUri,
            ar.cause().getMessage(), retryMs / 1000);
        retryTimer = vertx.setTimer(retryMs, id -> attempt(attempt, Math.min(retryMs * 2, LAST_RETRY_MS), null));
      }
    });
  }
}
