package org.anxin.infra.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.anxin.infra.http.HealthChecks.Status;
import org.anxin.infra.http.HealthReport;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The node's meters, scraped as Prometheus text: the JVM's and Vert.x's under their standard names, HikariCP's
 * {@code hikaricp_*}, and ours, named {@code anxin_*}. Our up/down gauges follow the latest health report.
 */
public final class NodeMetrics implements AutoCloseable {

  public static final String NODE_INFO = "anxin.node.info";
  public static final String NODE_START_TIME = "anxin.node.start.time";
  public static final String DATABASE_UP = "anxin.database.up";
  public static final String BROKER_UP = "anxin.broker.up";
  public static final String MODULE_RUNNING = "anxin.module.running";
  public static final String CHECK_UP = "anxin.health.check.up";

  /** Health-check names that have a gauge of their own; a module's check is {@code module.<name>}. */
  public static final String DATABASE_CHECK = "database";
  public static final String BROKER_CHECK = "broker";
  public static final String MODULE_CHECK_PREFIX = "module.";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicInteger> checkStates = new ConcurrentHashMap<>();
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public NodeMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** A Vert.x that reports its event loops, HTTP server, event bus and pools into this registry. */
  public Vertx newVertx() {
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /** Records which node this is and when it started: {@code anxin_node_info} (1) and its start time. */
  public void recordStart(String version, Iterable<String> modules, Instant startedAt) {
    Gauge.builder(NODE_INFO, () -> 1)
        .description("Always 1; the labels say which version runs which modules")
        .tags(Tags.of("version", version, "modules", String.join(",", modules)))
        .register(registry);
    Gauge.builder(NODE_START_TIME, () -> startedAt.toEpochMilli() / 1000.0)
        .description("When the node started, seconds since the epoch")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Reports the pool's connections, waits and timeouts ({@code hikaricp_*}). */
  public void bindPool(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari) {
      hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }
  }

  /** Sets the up/down gauges from a health report; a gauge appears the first time its check reports. */
  public void record(HealthReport report) {
    report.checks().forEach(this::record);
  }

  private void record(String check, Status status) {
    checkStates.computeIfAbsent(check, this::newCheckGauges).set(status.up() ? 1 : 0);
  }

  private AtomicInteger newCheckGauges(String check) {
    AtomicInteger state = new AtomicInteger();
    gauge(CHECK_UP, Tags.of("check", check), state, "1 when the named health check passes");
    if (check.equals(DATABASE_CHECK)) {
      gauge(DATABASE_UP, Tags.empty(), state, "1 when the database answers");
    } else if (check.equals(BROKER_CHECK)) {
      gauge(BROKER_UP, Tags.empty(), state, "1 when the MQTT broker is up");
    } else if (check.startsWith(MODULE_CHECK_PREFIX)) {
      gauge(MODULE_RUNNING, Tags.of("module", check.substring(MODULE_CHECK_PREFIX.length())), state,
          "1 when all of the module's verticles are deployed");
    }
    return state;
  }

  private void gauge(String name, Tags tags, AtomicInteger state, String description) {
    Gauge.builder(name, state, AtomicInteger::get).tags(tags).description(description).register(registry);
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
