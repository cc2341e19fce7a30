package org.anxin.sim.bench;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.DeviceLink;
import org.anxin.sim.fleet.LinkOptions;
import org.anxin.sim.fleet.ProgressLine;
import org.anxin.sim.fleet.SimStats;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.EventType;
import org.anxin.sim.protocol.Payloads;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bench ingest} and {@code bench alarm}: connects the bench's devices, drives them open-loop at the
 * configured rate, waits for acknowledgements and commits, and measures the two baselines in the same run —
 * {@code broker_only} (a subscriber on the same broker that only counts, during the load) and {@code copy_only}
 * (plain COPY of as many rows into a scratch copy of telemetry, after it). The alarm bench also presses SOS on
 * distinct devices during the load and times each until its alarm row appears.
 */
public final class IngestBench {

  private static final long CONNECT_TIMEOUT_S = 300;
  private static final long QUIET_MS = 5_000;

  private final BenchConfig config;
  private final PrintStream log;
  private final SimStats stats = new SimStats();
  private final Latency publishToAck = new Latency();
  private final Map<String, Long> sosSentAt = new ConcurrentHashMap<>();

  /** In the alarm bench, every this many messages one is an SOS; 0 in the ingest bench. */
  private final long sosEvery;

  public IngestBench(BenchConfig config, PrintStream log) {
    this.config = config;
    this.log = log;
    double total = config.rate() * config.duration().toMillis() / 1000.0;
    this.sosEvery = config.alarms() ? Math.max(1, (long) (total / config.sosCount())) : 0;
  }

  public BenchReport run() throws InterruptedException {
    try (BenchDatabase db = config.db() == null ? null : new BenchDatabase(config.db())) {
      List<DeviceCredentials> devices = devices(db);
      try {
        return measure(db, devices);
      } finally {
        if (db != null && config.register() && !config.keep()) {
          log.printf("removed %d bench devices%n", db.cleanUp(config.prefix()));
        }
      }
    }
  }

  private List<DeviceCredentials> devices(BenchDatabase db) {
    if (config.register()) {
      if (db == null) {
        throw new IllegalArgumentException("--register needs --db-url");
      }
      log.printf("registering %d bench devices %s*, then waiting %d ms for the gateway to reread them%n",
          config.devices(), config.prefix(), config.settle().toMillis());
      List<DeviceCredentials> registered = db.register(config.prefix(), config.devices());
      sleep(config.settle().toMillis());
      return registered;
    }
    if (config.given() != null) {
      return config.given().stream().limit(config.devices()).toList();
    }
    return BenchDevices.unregistered(config.prefix(), config.devices());
  }

  private BenchReport measure(BenchDatabase db, List<DeviceCredentials> devices) throws InterruptedException {
    List<DeviceLink> links = connectAll(devices);
    long connected = stats.snapshot().connected();
    try (CountingSubscriber counter = new CountingSubscriber(config.broker(), config.platformUser(),
        config.platformPassword(), config.prefix()).start(config.qos());
         ProgressLine progress = new ProgressLine(stats, links.size(), log).start()) {
      OpenLoopDriver.Result drive = new OpenLoopDriver(config.rate(), config.duration(), config.lateAfter())
          .run(k -> send(links, k), new AtomicBoolean());
      long drainMs = Drain.awaitAcks(stats, config.drainTimeout().toMillis());
      BenchDatabase.Committed committed = db == null ? null : db.awaitCommitted(config.prefix(),
          drive.startedMs() - 1000, stats.snapshot().acked() - sosSentAt.size(), QUIET_MS,
          config.drainTimeout().toMillis());
      BenchReport.AlarmResult alarms = config.alarms() ? alarmResult(db) : null;
      long rejected = db == null ? 0 : db.rejected(config.prefix(), drive.startedMs() - 1000);
      BenchDatabase.CopyResult copy = db == null ? null : db.copyBaseline(drive.sent(), config.copyBatch());
      return new BenchReport(config, connected, drive, stats.snapshot(), drainMs, publishToAck.percentiles(),
          committed, rejected, counter.result(), copy, alarms);
    } finally {
      CompletableFuture.allOf(links.stream().map(DeviceLink::disconnect).toArray(CompletableFuture[]::new))
          .orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
  }

  private List<DeviceLink> connectAll(List<DeviceCredentials> devices) throws InterruptedException {
    LinkOptions options = LinkOptions.defaults().withTelemetryQos(config.qos());
    List<DeviceLink> links = new ArrayList<>(devices.size());
    List<CompletableFuture<?>> connects = new ArrayList<>(devices.size());
    long gapNanos = 1_000_000_000L / Math.max(1, config.connectRate());
    long start = System.nanoTime();
    for (int i = 0; i < devices.size(); i++) {
      DeviceLink link = new DeviceLink(devices.get(i), config.broker(), options, stats);
      links.add(link);
      long wait = start + i * gapNanos - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      connects.add(link.connect().exceptionally(e -> null));
    }
    CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new))
        .orTimeout(CONNECT_TIMEOUT_S, TimeUnit.SECONDS).exceptionally(e -> null).join();
    log.printf("connected %d of %d devices in %d ms%n", stats.snapshot().connected(), devices.size(),
        (System.nanoTime() - start) / 1_000_000);
    return links;
  }

  /** Message k goes to device k mod N; in the alarm bench every so often it is an SOS from a fresh device. */
  private void send(List<DeviceLink> links, long k) {
    if (sosEvery > 0 && k % sosEvery == sosEvery / 2 && k / sosEvery < Math.min(config.sosCount(), links.size())) {
      sendSos(links.get((int) (k / sosEvery)));
      return;
    }
    DeviceLink link = links.get((int) (k % links.size()));
    long t0 = System.nanoTime();
    link.publish(Channel.TELEMETRY, BenchDevices.reading()).whenComplete((result, failure) -> {
      if (failure == null) {
        publishToAck.recordNanos(System.nanoTime() - t0);
      }
    });
  }

  private void sendSos(DeviceLink link) {
    String key = link.device().deviceId() + "/" + link.session().boot() + "/" + link.session().peekSeq();
    sosSentAt.put(key, System.currentTimeMillis());
    link.publish(Channel.EVENT, Payloads.event(EventType.SOS));
  }

  private static void sleep(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private BenchReport.AlarmResult alarmResult(BenchDatabase db) throws InterruptedException {
    if (db == null) {
      return new BenchReport.AlarmResult(sosSentAt.size(), 0, new Latency().percentiles(),
          "no --db-url: alarm rows cannot be read");
    }
    long deadline = System.currentTimeMillis() + config.drainTimeout().toMillis();
    Map<String, Long> raised = db.alarmsRaised(config.prefix());
    while (raised.size() < sosSentAt.size() && System.currentTimeMillis() < deadline) {
      TimeUnit.MILLISECONDS.sleep(250);
      raised = db.alarmsRaised(config.prefix());
    }
    Latency toAlarm = new Latency();
    long matched = 0;
    for (Map.Entry<String, Long> sos : sosSentAt.entrySet()) {
      Long openedAt = raised.get(sos.getKey());
      if (openedAt != null) {
        matched++;
        toAlarm.recordMillis(openedAt - sos.getValue());
      }
    }
    String note = matched == 0 ? "no alarm rows: SOS alarms are raised by the alarm rules (issue #5)" : "";
    return new BenchReport.AlarmResult(sosSentAt.size(), matched, toAlarm.percentiles(), note);
  }
}
