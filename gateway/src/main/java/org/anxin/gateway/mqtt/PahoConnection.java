package org.anxin.gateway.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.mqtt.PahoClients;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;

/**
 * One of the gateway's Paho clients from connection to close, its blocking calls on a worker thread of its own, in
 * order. Paho reconnects by itself only after a first successful connection, so the first one is tried until it
 * succeeds, 1 s to 30 s apart: a gateway started while its broker is down serves as soon as the broker is up.
 */
public final class PahoConnection {

  /** What follows each successful connect in the same attempt (a subscription), on the worker thread. */
  @FunctionalInterface
  public interface AfterConnect {
    void run() throws MqttException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(PahoConnection.class);
  private static final long FIRST_RETRY_MS = 1_000;
  private static final long LAST_RETRY_MS = 30_000;

  private final Vertx vertx;
  private final String name;
  private final MqttAsyncClient client;
  private final MqttConnectionOptions options;
  private final WorkerExecutor pahoCalls;
  private volatile boolean stopped;
  private long retryTimer = -1;

  /** @param name who connects, for the log ("Gateway", "Alarm rules") */
  public PahoConnection(Vertx vertx, MqttOptions mqtt, String clientId, String name, MqttConnectionOptions options)
      throws MqttException {
    this.vertx = vertx;
    this.name = name;
    this.options = options;
    client = PahoClients.asyncClient(mqtt, clientId);
    pahoCalls = vertx.createSharedWorkerExecutor("anxin-paho-" + clientId, 1);
  }

  public MqttAsyncClient client() {
    return client;
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Connects, then runs {@code afterConnect}; completes once the first attempt is over, whatever its outcome
   * (see {@link #isConnected()}): a failed attempt is tried again until {@link #stop()}.
   */
  public Future<Void> start(AfterConnect afterConnect) {
    Promise<Void> first = Promise.promise();
    attempt(afterConnect, FIRST_RETRY_MS, first);
    return first.future();
  }

  /** Runs a blocking Paho call on the client's worker thread, after those already asked for. */
  public <T> Future<T> call(Callable<T> work) {
    return pahoCalls.executeBlocking(work);
  }

  /** Stops trying to connect, disconnects (waiting at most 6 s) and closes the client and its worker thread. */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(retryTimer);
    return pahoCalls.<Void>executeBlocking(() -> {
      try {
        if (client.isConnected()) {
          client.disconnect(5_000).waitForCompletion(6_000);
        }
      } finally {
        client.close(true);
      }
      return null;
    }).eventually(pahoCalls::close);
  }

  private void attempt(AfterConnect afterConnect, long retryMs, Promise<Void> first) {
    pahoCalls.<Void>executeBlocking(() -> {
      if (!stopped) {
        if (!client.isConnected()) {
          client.connect(options).waitForCompletion();
        }
        afterConnect.run();
      }
      return null;
    }).onComplete(ar -> {
      if (first != null) {
        first.complete();
      }
      if (ar.failed() && !stopped) {
        LOG.warn("{} cannot reach the MQTT broker at {} ({}); trying again in {} s", name, options.getServerURIs()[0],
            ar.cause().getMessage(), retryMs / 1000);
        retryTimer = vertx.setTimer(retryMs,
            id -> attempt(afterConnect, Math.min(retryMs * 2, LAST_RETRY_MS), null));
      }
    });
  }
}
