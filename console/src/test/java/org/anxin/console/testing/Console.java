package org.anxin.console.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.anxin.console.ConsoleModule;
import org.anxin.dispatcher.DispatcherModule;
import org.anxin.infra.alarm.AlarmBus;
import org.anxin.infra.alarm.AlarmMetrics;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.AlarmRaiser;
import org.anxin.infra.alarm.AlarmStored;
import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.RaiseRequest;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.node.NodeContext;
import org.anxin.infra.testing.TestDatabase;
import org.anxin.infra.testing.Await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A console under test: a fresh migrated database with {@link People}, the console module (and, when asked, the
 * real dispatcher module) on one Vert.x, a real HTTP server on a free loopback port, and the shared alarm raising
 * code. Settings are those of a node, by their {@code ANXIN_*} names.
 */
public final class Console implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(10);

  private final TestDatabase testDb = TestDatabase.create();
  private final Vertx vertx = Vertx.vertx();
  private final Database database;
  private final HttpServer server;
  private final WebClient web;
  private final People people;
  private final Map<String, Long> stored = new ConcurrentHashMap<>();
  private AlarmRaiser raiser;
  private Path journal;

  private Console(Map<String, String> settings, boolean dispatcher) throws Exception {
    database = Database.open(vertx, testDb.options());
    Migrations.apply(database.dataSource());
    people = Seed.people(database.dataSource());
    Router router = Router.router(vertx);
    NodeContext context = context(settings, router);
    new ConsoleModule().deploy(vertx, context).await();
    if (dispatcher) {
      new DispatcherModule().deploy(vertx, context).await();
    }
    server = listen(router);
    web = client(server.actualPort());
  }

  /** Another console node on the same database and bus, with its own settings; answers a client of it. */
  public ApiClient anotherNode(Map<String, String> settings) {
    Router router = Router.router(vertx);
    new ConsoleModule().deploy(vertx, context(settings, router)).await();
    return new ApiClient(client(listen(router).actualPort()));
  }

  private NodeContext context(Map<String, String> settings, Router router) {
    JsonObject values = new JsonObject().put("ANXIN_COOKIE_SECURE", "false").put("ANXIN_STREAM_HEARTBEAT_S", "1")
        .put("ANXIN_ESCALATION_SCAN_MS", "200").put("ANXIN_SMS_PROVIDER", "outbox");
    settings.forEach(values::put);
    Settings s = new Settings(values);
    return new NodeContext(s, NodeOptions.from(s), database, null, new SimpleMeterRegistry(), router,
        new HealthChecks());
  }

  private HttpServer listen(Router router) {
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)).requestHandler(router)
        .listen().await();
  }

  private WebClient client(int port) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  public static Console start() throws Exception {
    return new Console(Map.of(), false);
  }

  public static Console start(Map<String, String> settings, boolean dispatcher) throws Exception {
    return new Console(settings, dispatcher);
  }

  public People people() {
    return people;
  }

  public Vertx vertx() {
    return vertx;
  }

  public int port() {
    return server.actualPort();
  }

  public WebClient web() {
    return web;
  }

  /** A client with its own cookie jar, not signed in. */
  public ApiClient anonymous() {
    return new ApiClient(web);
  }

  /** A client signed in as {@code username}. */
  public ApiClient as(String username) {
    ApiClient client = new ApiClient(web);
    client.login(username, People.PASSWORD).expect(200);
    return client;
  }

  public EventStream stream(ApiClient client) {
    return EventStream.open(vertx, port(), client, null);
  }

  /** The live stream of one elder's map ({@code /api/elders/{id}/live}). */
  public EventStream liveStream(ApiClient client, long elderId) {
    return EventStream.open(vertx, port(), client, "/api/elders/" + elderId + "/live", null);
  }

  public <T> T sql(Database.Work<T> work) {
    return database.withConnection(work).await();
  }

  /** An alarm row written directly (for reads); the raising path is {@link #raise}. */
  public long alarm(long elderId, long householdId, String type, int priority) {
    return sql(c -> Seed.id(c, "INSERT INTO alarms (elder_id, household_id, type, priority, lat, lon) "
        + "VALUES (?, ?, ?, ?, 30.1, 120.1) RETURNING id", elderId, householdId, type, priority));
  }

  /** A GPS fix of a device, stored as the gateway stores telemetry (boot {@code b1}). */
  public void storeFix(String deviceId, long seq, Instant at, double lat, double lon) {
    sql(c -> {
      Seed.update(c, "INSERT INTO telemetry (device_id, boot, seq, ts, lat, lon, acc, src) VALUES "
          + "(?, 'b1', ?, ?, ?, ?, 8, 'gnss')", deviceId, seq, Timestamp.from(at), lat, lon);
      return null;
    });
  }

  /** An order row written directly (for reads); creation through the dispatcher is {@code POST /api/orders}. */
  public long order(long elderId, String type) {
    return sql(c -> Seed.id(c, "INSERT INTO service_orders (elder_id, type, state, source, created_by) "
        + "VALUES (?, ?, 'NEW', 'OPERATOR', 'seed') RETURNING id", elderId, type));
  }

  /** Raises an alarm through the shared raising code (as the gateway does) and answers its id once stored. */
  public long raise(long elderId, long householdId, AlarmType type, int priority) throws Exception {
    if (raiser == null) {
      journal = Files.createTempDirectory("console-alarms");
      new AlarmBus(vertx.eventBus()).onStored(this::remember);
      raiser = AlarmRaiser.start(vertx, database.dataSource(), new AlarmOptions(journal, Duration.ofMillis(100)),
          new AlarmMetrics(new SimpleMeterRegistry()));
    }
    String key = "test|" + UUID.randomUUID();
    raiser.raise(new RaiseRequest(key, new AlarmSubject(elderId, householdId, null, null, null), type, priority, null,
        Instant.now(), null, null, null)).await();
    Await.until(WAIT, "alarm " + key + " stored", () -> stored.containsKey(key));
    return stored.get(key);
  }

  private void remember(AlarmStored s) {
    if (s.alarmId() != null) {
      stored.put(s.key(), s.alarmId());
    }
  }

  public long count(String sql, Object... args) {
    return sql(c -> count(c, sql, args));
  }

  private static long count(Connection c, String sql, Object... args) throws java.sql.SQLException {
    return Seed.id(c, sql, args);
  }

  @Override
  public void close() {
    if (raiser != null) {
      raiser.close();
    }
    web.close();
    vertx.close().await();
    database.close();
    testDb.close();
  }
}
