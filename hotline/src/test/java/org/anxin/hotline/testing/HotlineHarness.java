package org.anxin.hotline.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.HotlineMetrics;
import org.anxin.hotline.HotlineOptions;
import org.anxin.hotline.HotlineScripts;
import org.anxin.hotline.agi.AgiServerVerticle;
import org.anxin.hotline.ami.AmiVerticle;
import org.anxin.infra.alarm.AlarmMetrics;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.AlarmRaiser;
import org.anxin.infra.bus.calls.CallBus;
import org.anxin.infra.bus.calls.HotlineAction;
import org.anxin.infra.bus.calls.HotlineAnswer;
import org.anxin.infra.bus.calls.HotlineRequest;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.bus.stream.StreamNotice;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.testing.Await;
import org.anxin.infra.testing.TestDatabase;
import org.anxin.sim.pbx.CallResult;
import org.anxin.sim.pbx.CallScript;
import org.anxin.sim.pbx.PbxOptions;
import org.anxin.sim.pbx.PbxSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The hotline as a node runs it (FastAGI server with its scripts, the AMI side) on a fresh migrated database,
 * against the PBX simulator on free loopback ports, with the dispatcher's real verticles answering its bus requests.
 * Every {@code notify.stream} notice is kept for assertions.
 */
public final class HotlineHarness implements AutoCloseable {

  public static final String AMI_SECRET = "s3cret-for-tests";

  public final Vertx vertx = Vertx.vertx();
  public final TestDatabase testDatabase = TestDatabase.create();
  public final Database database;
  public final Fixtures fixtures;
  public final DispatcherServices dispatcher;
  public final HealthChecks health = new HealthChecks();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final HotlineMetrics metrics = new HotlineMetrics(registry);
  public final List<StreamNotice> notices = new CopyOnWriteArrayList<>();
  public PbxSimulator pbx;
  private AlarmRaiser raiser;
  private AgiServerVerticle agi;

  private HotlineHarness(int poolSize) {
    DatabaseOptions db = testDatabase.options();
    database = Database.open(vertx, new DatabaseOptions(db.url(), db.user(), db.password(), poolSize,
        db.connectTimeoutMs()));
    fixtures = new Fixtures(database);
    dispatcher = new DispatcherServices(vertx, database);
  }

  /** Starts everything; {@code busTimeoutMs} bounds each IVR wait on the platform. */
  public static HotlineHarness start(long busTimeoutMs) throws Exception {
    return start(busTimeoutMs, 4, 0);
  }

  /** With a database pool of {@code poolSize} and prompts that play {@code promptMs} each (for load). */
  public static HotlineHarness start(long busTimeoutMs, int poolSize, long promptMs) throws Exception {
    HotlineHarness h = new HotlineHarness(poolSize);
    Migrations.apply(h.database.dataSource());
    Path journal = Files.createTempDirectory("anxin-hotline-alarms");
    h.raiser = AlarmRaiser.start(h.vertx, h.database.dataSource(), new AlarmOptions(journal, Duration.ofMillis(200)),
        new AlarmMetrics(new SimpleMeterRegistry()));
    new StreamBus(h.vertx.eventBus()).onNotice(h.notices::add);
    await(h.dispatcher.start());
    Settings settings = Settings.fromMap(Map.of(HotlineOptions.AGI_PORT, "0",
        HotlineOptions.BUS_TIMEOUT_MS, String.valueOf(busTimeoutMs)));
    h.agi = new AgiServerVerticle(HotlineOptions.from(settings), new HotlineScripts(HotlineOptions.from(settings),
        h.database, h.raiser, h.metrics));
    await(h.vertx.deployVerticle(h.agi));
    h.pbx = await(PbxSimulator.start(h.vertx, PbxOptions.local(h.agi.port(), AMI_SECRET).withPromptMs(promptMs)));
    Settings withAmi = settings.with(HotlineOptions.AMI_HOST, "127.0.0.1")
        .with(HotlineOptions.AMI_PORT, h.pbx.amiPort()).with(HotlineOptions.AMI_PASSWORD, AMI_SECRET)
        .with(HotlineOptions.RING_TIMEOUT_S, 5);
    await(h.vertx.deployVerticle(new AmiVerticle(HotlineOptions.from(withAmi), h.database, h.health,
        h.metrics)));
    Await.until(Duration.ofSeconds(10), "AMI logged in", () -> h.amiHealth().up());
    return h;
  }

  public int agiPort() {
    return agi.port();
  }

  public CallResult call(CallScript script) {
    return await(pbx.call(script));
  }

  /** Asks the hotline for a queue action of the user (on {@code hotline.request}, as the console does). */
  public Future<HotlineAnswer> ask(HotlineAction action, long user, String extension) {
    return new CallBus(vertx.eventBus()).request(new HotlineRequest(action, user, fixtures.username(user), extension,
        null, null, null, null, null, null), Duration.ofSeconds(5));
  }

  /** A new operator logged in to the queue on {@code extension}. */
  public long newOperator(String extension) {
    long user = fixtures.newUser("operator", null);
    await(ask(HotlineAction.QUEUE_LOGIN, user, extension));
    return user;
  }

  public HealthChecks.Status amiHealth() {
    return await(health.all().get("ami").get());
  }

  public List<StreamNotice> noticesFor(long userId) {
    return notices.stream().filter(n -> n.userIds().contains(userId)).toList();
  }

  public JsonObject row(String sql, Object... params) {
    return fixtures.row(sql, params);
  }

  public long count(String sql, Object... params) {
    return fixtures.count(sql, params);
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      await(pbx == null ? Future.succeededFuture() : pbx.close());
      await(vertx.close());
    } finally {
      raiser.close();
      database.close();
      testDatabase.close();
    }
  }
}
