package org.anxin.infra.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.db.Retention;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.http.HealthChecks.Status;
import org.anxin.infra.http.NodeHttpServer;
import org.anxin.infra.metrics.NodeMetrics;
import org.anxin.infra.mqtt.MqttOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One running node: its database (embedded or external, migrated, with its retention job on a timer), its broker
 * (embedded or external), the modules named by {@code ANXIN_MODULES}, and one HTTP server with {@code /health} and
 * {@code /metrics}. {@link #stop} undoes it in reverse: stop taking requests, undeploy the modules (they finish their
 * work in flight), close the broker and the database.
 */
public final class Node {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final Vertx vertx;
  private final NodeMetrics metrics;
  private final Settings settings;
  private final NodeOptions options;
  private final ServingOptions serving;
  private final List<AnxinModule> modules;
  private final HealthChecks health = new HealthChecks();
  private final ModuleDeployments deployments;
  private final NodeHttpServer http;
  private final Instant startedAt = Instant.now();
  private NodeStorage storage;
  private RetentionSchedule retention;
  private NodeBroker broker;
  private NodeContext context;
  private Endpoints endpoints;
  private Future<Void> stopping;
  private Boolean closedInTime;

  private Node(Vertx vertx, NodeMetrics metrics, Settings settings, List<AnxinModule> available) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.settings = settings;
    this.options = NodeOptions.from(settings);
    this.serving = ServingOptions.from(settings);
    this.modules = available.stream().filter(m -> options.runs(m.name())).toList();
    this.deployments = new ModuleDeployments(vertx);
    this.http = new NodeHttpServer(vertx, serving.http(), health, metrics);
  }

  /**
   * Starts a node and returns once it serves; blocking, for the command line and tests. When a step fails, what had
   * started is stopped again and the failure is thrown.
   *
   * @param overrides settings that win over the environment (tests use them)
   * @param available every module this build has; the node runs those {@code ANXIN_MODULES} names
   */
  public static Node start(Map<String, String> overrides, List<AnxinModule> available) {
    NodeMetrics metrics = new NodeMetrics();
    Vertx vertx = metrics.newVertx();
    Node node;
    try {
      node = new Node(vertx, metrics, Settings.load(vertx, overrides), available);
    } catch (RuntimeException e) {
      vertx.close().await();
      metrics.close();
      throw e;
    }
    try {
      node.startSteps().await();
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private Future<Void> startSteps() {
    return NodeStorage.open(vertx, options.dataDir(), DatabaseOptions.from(settings))
        .compose(this::useStorage)
        .compose(ignored -> migrateWhileTheBrokerStarts())
        .compose(ignored -> deployments.deploy(modules, context))
        .compose(ignored -> http.listen())
        .map(this::announce);
  }

  private Future<Void> useStorage(NodeStorage opened) {
    storage = opened;
    metrics.bindPool(opened.database().dataSource());
    retention = RetentionSchedule.start(vertx, opened.database(), Retention.Options.from(settings));
    JsonObject details = new JsonObject().put("mode", opened.embedded() ? "embedded" : "external");
    health.register(NodeMetrics.DATABASE_CHECK, () -> opened.database().ping()
        .map(ok -> ok ? Status.up(details) : new Status(false, details.copy().put("reason", "no valid connection"))));
    return Future.succeededFuture();
  }

  /**
   * The two slowest steps of a first start overlap. A device that logs in before the schema exists on a first start
   * is refused and retries; no module runs before both are done.
   */
  private Future<Void> migrateWhileTheBrokerStarts() {
    return Future.join(storage.migrate(), startBroker().compose(this::useBroker)).mapEmpty();
  }

  private Future<NodeBroker> startBroker() {
    MqttOptions mqtt = MqttOptions.from(settings);
    if (!mqtt.embedded()) {
      return Future.succeededFuture(new ExternalBroker(vertx, mqtt));
    }
    return LocalBroker.start(vertx, options, mqtt, storage.database());
  }

  private Future<Void> useBroker(NodeBroker started) {
    broker = started;
    health.register(NodeMetrics.BROKER_CHECK, started::check);
    context = new NodeContext(settings, options, storage.database(), started.mqtt(), metrics.registry(),
        http.router(), health);
    return Future.succeededFuture();
  }

  private Void announce(int httpPort) {
    String host = reachableHost(serving.http().host());
    endpoints = new Endpoints("http://" + host + ":" + httpPort, broker.endpoint(), broker.tlsEndpoint(),
        "agi://" + host + ":" + serving.agiPort(), false, ProcessHandle.current().pid(), startedAt);
    endpoints.write(options.dataDir());
    metrics.recordStart(version(), deployments.running(), startedAt);
    LOG.info("Anxin {} up in {} ms: {} (modules {}), MQTT {}, data in {}", version(),
        Duration.between(startedAt, Instant.now()).toMillis(), endpoints.http(), deployments.running(),
        endpoints.mqtt(), options.dataDir());
    return null;
  }

  /** A server bound to every address is reached on this machine through loopback. */
  private static String reachableHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
  }

  /** The version from the jar's manifest, or {@code dev} when running from classes. */
  public static String version() {
    return Objects.requireNonNullElse(Node.class.getPackage().getImplementationVersion(), "dev");
  }

  public NodeContext context() {
    return context;
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /**
   * Stops taking requests, undeploys the modules (they finish their work in flight), closes the broker and the
   * database; calling it again returns the same future. Each step runs even when an earlier one failed, so the
   * embedded PostgreSQL is always stopped. Vert.x itself is closed by {@link #close}.
   */
  public synchronized Future<Void> stop() {
    if (stopping == null) {
      LOG.info("Stopping: no new requests, finishing work in flight");
      stopping = step("HTTP server", () -> http.shutdown(serving.shutdownTimeout().dividedBy(2)))
          .compose(ignored -> step("modules", deployments::undeployAll))
          .compose(ignored -> step("broker", () -> broker == null ? Future.succeededFuture() : broker.close()))
          .compose(ignored -> step("database", this::closeStorage));
    }
    return stopping;
  }

  private Future<Void> closeStorage() {
    if (retention != null) {
      retention.stop();
    }
    if (endpoints != null) {
      Endpoints.remove(options.dataDir());
    }
    return storage == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
      storage.close();
      return null;
    }, false);
  }

  private static Future<Void> step(String what, Supplier<Future<Void>> action) {
    Future<Void> result;
    try {
      result = action.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.recover(e -> {
      LOG.warn("Stopping the {} failed: {}", what, e.getMessage());
      return Future.succeededFuture();
    });
  }

  /**
   * Stops the node and closes Vert.x, waiting at most {@code ANXIN_SHUTDOWN_TIMEOUT_S}; true when everything stopped
   * in time. Call it from a thread of its own (main, a shutdown hook, a test), never from an event loop: Vert.x is
   * closed from here, not from a callback of one of its own threads, whose executors are gone by then.
   */
  public synchronized boolean close() {
    if (closedInTime != null) {
      return closedInTime;
    }
    closedInTime = closeInTime();
    return closedInTime;
  }

  private boolean closeInTime() {
    long deadline = System.nanoTime() + serving.shutdownTimeout().toNanos();
    try {
      stop().await(remainingMs(deadline), TimeUnit.MILLISECONDS);
      vertx.close().await(remainingMs(deadline), TimeUnit.MILLISECONDS);
      LOG.info("Stopped");
      return true;
    } catch (TimeoutException e) {
      LOG.warn("The node did not stop within {}; exiting anyway", serving.shutdownTimeout());
      return false;
    } finally {
      metrics.close();
    }
  }

  private static long remainingMs(long deadlineNanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }
}
