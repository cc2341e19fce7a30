package org.anxin.gateway.bench;

import io.vertx.core.Vertx;
import org.anxin.gateway.store.StorePaths;
import org.anxin.infra.testing.Await;
import org.anxin.gateway.testing.GatewayHarness;
import org.anxin.gateway.testing.GatewayProcess;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.mqtt.Inbox;
import org.anxin.infra.mqtt.MqttClients;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.infra.mqtt.Subscriber;
import org.anxin.infra.testing.TestDatabase;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway benchmark of issue #3, printing its figures: {@code broker_only}, {@code copy_only} (and the other
 * storage paths), {@code pipeline}, their ratio and the gateway's heap with 10,000 and 100,000 devices. Everything
 * runs on this machine: a private Mosquitto, a fresh database on the machine's PostgreSQL, the gateway in a child
 * JVM (-Xmx256m), and Paho publishers in this JVM. Run it with {@code gateway/bench/ingest.sh}.
 */
public final class IngestBenchmark {

  private static final int DEVICES = intEnv("BENCH_DEVICES", 10_000);
  private static final int MORE_DEVICES = intEnv("BENCH_MORE_DEVICES", 100_000);
  private static final int SECONDS = intEnv("BENCH_SECONDS", 60);
  private static final int BROKER_SECONDS = intEnv("BENCH_BROKER_SECONDS", 20);
  private static final int WARMUP_SECONDS = intEnv("BENCH_WARMUP_SECONDS", 10);
  private static final int CLIENTS = intEnv("BENCH_CLIENTS", 4);
  private static final int WINDOW = intEnv("BENCH_WINDOW", 2_000);
  /** Publish rate in the pipeline run (0: as fast as the broker takes them; the backlog then grows in the broker). */
  private static final int RATE = intEnv("BENCH_RATE", 0);

  private IngestBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("anxin-bench");
    line("started", Instant.now() + " load " + CpuTimes.load());
    Vertx vertx = Vertx.vertx();
    try (TestDatabase testDb = TestDatabase.create();
         PrivateMosquitto broker = PrivateMosquitto.anonymous(dir);
         Database db = Database.open(vertx, testDb.options())) {
      Migrations.apply(db.dataSource());
      List<String> fleet = Fleet.ids(0, DEVICES);
      Fleet.register(db, fleet);
      String only = System.getenv().getOrDefault("BENCH_ONLY", "all");
      double brokerOnly = only.equals("pipeline") ? Double.NaN : brokerOnly(broker, fleet);
      double copyOnly = only.equals("pipeline") ? Double.NaN : storePaths(db, fleet);
      if (only.equals("baselines")) {
        return;
      }
      Map<String, String> gatewayEnv = gatewayEnv();
      gatewayEnv.forEach((k, v) -> line("setting", k + "=" + v));
      try (GatewayProcess gateway = GatewayProcess.start(testDb.jdbcUrl(), broker.url(), dir.resolve("gateway.log"),
          gatewayEnv, jvmOptions(dir))) {
        double pipeline = pipeline(db, broker, gateway, testDb, fleet);
        line("ratio", String.format("%.2f  (pipeline / min(broker_only, copy_only), target >= 0.7)",
            pipeline / Math.min(brokerOnly, copyOnly)));
        line("heap_after_run", mib(gateway.heapAfterGc()) + " MiB used after GC (" + DEVICES + " devices)");
        heapWithManyDevices(db, broker, gateway, fleet);
      }
      line("gateway_log", dir.resolve("gateway.log").toString());
    } finally {
      vertx.close().await();
    }
    line("finished", Instant.now() + " load " + CpuTimes.load());
    System.exit(0);
  }

  private static double brokerOnly(PrivateMosquitto broker, List<String> fleet) throws Exception {
    MqttConnectionOptions options = MqttClients.login(null, null);
    options.setReceiveMaximum(10_000);
    // The broker's ceiling: a subscriber on the gateway's kind of subscription that only counts.
    try (Subscriber counter = Subscriber.start(broker.url(), "bench-counter-" + System.nanoTime(), options,
        "$share/bench/anxin/v1/dev/+/+", Inbox.counting())) {
      LoadGenerator load = new LoadGenerator(broker.url(), fleet, CLIENTS, WINDOW, "bo", 0);
      load.start();
      Thread.sleep(5_000);
      long from = counter.inbox().arrived();
      double cpu0 = CpuTimes.seconds(broker.pid());
      Thread.sleep(BROKER_SECONDS * 1_000L);
      long to = counter.inbox().arrived();
      double cpu = CpuTimes.seconds(broker.pid()) - cpu0;
      load.stop();
      double rate = (to - from) / (double) BROKER_SECONDS;
      line("broker_only", String.format("%.0f msg/s  (QoS 1, %d publishers -> Mosquitto -> 1 counting subscriber,"
          + " %d s; mosquitto %.0f%% of one core)", rate, CLIENTS, BROKER_SECONDS, 100 * cpu / BROKER_SECONDS));
      return rate;
    }
  }

  private static double storePaths(Database db, List<String> fleet) throws Exception {
    int batch = Integer.parseInt(gatewayEnv().get("ANXIN_GATEWAY_BATCH_SIZE"));
    Map<String, StorePaths.Figure> figures = StorePaths.measure(db, StorePaths.rows(fleet, 30, "cp"), batch);
    figures.values().forEach(f -> line(f.path(), String.format("%.0f rows/s  (%d rows, batches of %d, one connection)",
        f.rowsPerSecond(), f.rows(), batch)));
    execute(db, "TRUNCATE telemetry, device_boots");
    return figures.get("copy_only").rowsPerSecond();
  }

  private static double pipeline(Database db, PrivateMosquitto broker, GatewayProcess gateway, TestDatabase testDb,
                                 List<String> fleet) throws Exception {
    LoadGenerator load = new LoadGenerator(broker.url(), fleet, CLIENTS, WINDOW, "pl", RATE);
    load.start();
    Thread.sleep(WARMUP_SECONDS * 1_000L);
    List<Long> pgPids = backendPids(db, testDb.name());
    long rows0 = rows(db);
    long published0 = load.acknowledged();
    double gw0 = CpuTimes.seconds(gateway.pid());
    double mq0 = CpuTimes.seconds(broker.pid());
    double pg0 = CpuTimes.seconds(pgPids);
    double self0 = CpuTimes.seconds(ProcessHandle.current().pid());
    long start = System.nanoTime();
    Thread.sleep(SECONDS * 1_000L);
    long rows1 = rows(db);
    double elapsed = (System.nanoTime() - start) / 1e9;
    line("gateway_meters", gateway.stats());
    long published = load.acknowledged() - published0;
    line("cpu_during_pipeline", String.format("gateway %.0f%%, mosquitto %.0f%%, postgres backends %.0f%%,"
            + " publishers+bench JVM %.0f%% (of one core)", pct(CpuTimes.seconds(gateway.pid()) - gw0, elapsed),
        pct(CpuTimes.seconds(broker.pid()) - mq0, elapsed), pct(CpuTimes.seconds(pgPids) - pg0, elapsed),
        pct(CpuTimes.seconds(ProcessHandle.current().pid()) - self0, elapsed)));
    load.stop();
    double rate = (rows1 - rows0) / elapsed;
    line("pipeline", String.format("%.0f msg/s  (committed rows counted in the database over %.0f s after %d s"
        + " warm-up; publishers got %.0f msg/s acknowledged, publish rate %s)", rate, elapsed, WARMUP_SECONDS,
        published / elapsed, RATE == 0 ? "unlimited" : RATE + " msg/s"));
    long total = load.acknowledged();
    Await.until(Duration.ofSeconds(180), "the gateway to drain", () -> rows(db) >= total);
    line("pipeline_drained", rows(db) + " rows for " + total + " acknowledged publishes");
    return rate;
  }

  private static void heapWithManyDevices(Database db, PrivateMosquitto broker, GatewayProcess gateway,
                                          List<String> fleet) throws Exception {
    List<String> all = new ArrayList<>(fleet);
    List<String> more = Fleet.ids(DEVICES, MORE_DEVICES);
    Fleet.register(db, more);
    all.addAll(more);
    Thread.sleep(Long.parseLong(gatewayEnv().get("ANXIN_GATEWAY_DEVICE_REFRESH_MS")) * 2 + 1_000);
    long before = rows(db);
    new LoadGenerator(broker.url(), all, CLIENTS, WINDOW, "hd", 0).oneRound(1);
    Await.until(Duration.ofSeconds(180), "a message of every device", () -> rows(db) >= before + all.size());
    Thread.sleep(2_000);
    line("heap_100k_devices", mib(gateway.heapAfterGc()) + " MiB used after GC (" + all.size()
        + " registered devices, each with state in memory; target < 256 MiB)");
  }

  private static Map<String, String> gatewayEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("ANXIN_GATEWAY_BATCH_SIZE", "1000");
    env.put("ANXIN_GATEWAY_LINGER_MS", "20");
    env.put("ANXIN_GATEWAY_RECEIVE_MAXIMUM", "10000");
    env.put("ANXIN_GATEWAY_QUEUE_LIMIT", "10000");
    env.put("ANXIN_GATEWAY_DEVICE_REFRESH_MS", "5000");
    env.put("ANXIN_GATEWAY_CLIENT_ID", "bench-gateway");
    env.put("ANXIN_GATEWAY_PARALLEL_BATCHES", "2");
    System.getenv().forEach((k, v) -> {
      if (k.startsWith("ANXIN_GATEWAY_")) {
        env.put(k, v);
      }
    });
    return env;
  }

  private static List<String> jvmOptions(Path dir) {
    String jfr = System.getenv("BENCH_JFR");
    return jfr == null ? List.of()
        : List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
  }

  private static List<Long> backendPids(Database db, String dbName) throws Exception {
    List<Long> pids = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + dbName + "'")) {
      while (rs.next()) {
        pids.add(rs.getLong(1));
      }
    }
    return pids;
  }

  private static long rows(Database db) {
    return GatewayHarness.count(db, "SELECT count(*) FROM telemetry");
  }

  private static void execute(Database db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static double pct(double cpuSeconds, double elapsed) {
    return 100 * cpuSeconds / elapsed;
  }

  private static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }

  private static int intEnv(String name, int fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  private static void line(String figure, String value) {
    System.out.printf("%-28s %s%n", figure, value);
  }
}
