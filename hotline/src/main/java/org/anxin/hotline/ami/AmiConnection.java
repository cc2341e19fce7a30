package org.anxin.hotline.ami;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.HotlineOptions;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.BusFailure;
import org.anxin.infra.http.HealthChecks;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The one managed AMI connection. Asterisk-Java reconnects a dropped connection by itself (ten tries 50 ms apart,
 * then every 5 s); this class covers what it does not: the first log-in and a log-in it gave up on are tried again
 * with a doubling delay up to {@code ANXIN_AMI_RETRY_MAX_MS}. Its blocking calls run on a worker pool of their own.
 */
public final class AmiConnection {

  private static final Logger LOG = LoggerFactory.getLogger(AmiConnection.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final long ACTION_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final HotlineOptions options;
  private final ManagerConnection connection;
  private final WorkerExecutor workers;
  private Duration retry = FIRST_RETRY;
  private boolean loggingIn;
  private boolean stopped;
  private long watchdog;

  public AmiConnection(Vertx vertx, HotlineOptions options, ManagerEventListener events) {
    this.vertx = vertx;
    this.options = options;
    this.connection = new ManagerConnectionFactory(options.amiEnabled() ? options.amiHost() : "127.0.0.1",
        options.amiPort(), options.amiUser(),
        options.amiPassword()).createManagerConnection();
    this.connection.addEventListener(events);
    this.workers = vertx.createSharedWorkerExecutor("anxin-ami", 8);
  }

  /** Starts logging in (in the background: Asterisk may come later) and watching the connection. */
  public void start() {
    logIn();
    watchdog = vertx.setPeriodic(FIRST_RETRY.toMillis(), t -> {
      ManagerConnectionState state = connection.getState();
      if (!loggingIn && !stopped
          && (state == ManagerConnectionState.INITIAL || state == ManagerConnectionState.DISCONNECTED)) {
        logIn();
      }
    });
  }

  public boolean up() {
    return connection.getState() == ManagerConnectionState.CONNECTED;
  }

  public HealthChecks.Status health() {
    JsonObject details = new JsonObject().put("host", options.amiHost()).put("port", options.amiPort())
        .put("state", connection.getState().name());
    return up() ? HealthChecks.Status.up(details)
        : new HealthChecks.Status(false, details.put("reason", "AMI not logged in"));
  }

  /** Sends an action and answers Asterisk's response; 503 while the connection is down. */
  public Future<ManagerResponse> send(ManagerAction action) {
    if (!up()) {
      return Future.failedFuture(new BusException(BusFailure.UNAVAILABLE, "Asterisk (AMI) is not connected"));
    }
    return workers.executeBlocking(() -> connection.sendAction(action, ACTION_TIMEOUT_MS), false);
  }

  /** Sends an action whose outcome comes as events (an Originate), waiting at most the timeout for them. */
  public Future<ResponseEvents> sendForEvents(EventGeneratingAction action, Duration timeout) {
    if (!up()) {
      return Future.failedFuture(new BusException(BusFailure.UNAVAILABLE, "Asterisk (AMI) is not connected"));
    }
    return workers.executeBlocking(() -> connection.sendEventGeneratingAction(action, timeout.toMillis()), false);
  }

  private void logIn() {
    loggingIn = true;
    workers.executeBlocking(() -> {
      connection.login();
      return null;
    }, false).onComplete(ar -> {
      if (ar.succeeded()) {
        LOG.info("AMI logged in to {}:{} as {}", options.amiHost(), options.amiPort(), options.amiUser());
        retry = FIRST_RETRY;
        loggingIn = false;
        return;
      }
      LOG.warn("AMI log-in to {}:{} failed ({}); trying again in {} ms", options.amiHost(), options.amiPort(),
          ar.cause().getMessage(), retry.toMillis());
      vertx.setTimer(retry.toMillis(), t -> loggingIn = false);
      retry = retry.multipliedBy(2).compareTo(options.amiRetryMax()) > 0 ? options.amiRetryMax()
          : retry.multipliedBy(2);
    });
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(watchdog);
    return workers.executeBlocking(() -> {
      if (connection.getState() == ManagerConnectionState.CONNECTED
          || connection.getState() == ManagerConnectionState.RECONNECTING) {
        connection.logoff();
      }
      return null;
    }, false).onComplete(ar -> workers.close()).mapEmpty();
  }
}
