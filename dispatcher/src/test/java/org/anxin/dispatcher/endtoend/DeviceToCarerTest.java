package org.anxin.dispatcher.endtoend;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.anxin.dispatcher.DispatcherModule;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.infra.testing.Await;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.gateway.GatewayModule;
import org.anxin.infra.alarm.AlarmBus;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.bus.stream.StreamNotice;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.node.NodeContext;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("End to end, both modules as a node deploys them: a wristband's SOS through a broker and the gateway "
    + "reaches the carer, who acknowledges")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceToCarerTest {

  /** SOS alarms timed by the latency measurement; {@code -Danxin.bench.sos=N} for more. */
  private static final int MEASURED = Integer.getInteger("anxin.bench.sos", 20);
  /** Background telemetry during the measurement, messages a second; {@code -Danxin.bench.rate=N}, 0 for none. */
  private static final int LOAD_RATE = Integer.getInteger("anxin.bench.rate", 0);
  private static final int LOAD_DEVICES = 1_000;
  private DispatcherDb db;
  private People people;
  private PrivateMosquitto broker;
  private Vertx vertx;
  private MqttClient devices;
  private final Map<Long, Long> firstNoticeNanos = new ConcurrentHashMap<>();
  /** When alarm.raised and alarm.stored were seen, by elder: where the time goes. */
  private final Map<Long, Long> raisedNanos = new ConcurrentHashMap<>();
  private final Map<Long, Long> storedNanos = new ConcurrentHashMap<>();
  private final List<Home> homes = new ArrayList<>();
  private final List<Long> carers = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path dir) throws MqttException {
    db = DispatcherDb.create();
    people = new People(db);
    people.newUser("op-e2e", "operator");
    for (int i = 0; i <= MEASURED; i++) {
      Home home = people.newHome();
      carers.add(people.newCarer(home, "PRIMARY", true));
      db.execute("INSERT INTO devices (id, type, elder_id, household_id, secret_hash) VALUES (?, 'WRISTBAND', ?, ?, "
          + "'x')", "wb-" + i, home.elderId(), home.householdId());
      homes.add(home);
    }
    db.execute("INSERT INTO devices (id, type, secret_hash) SELECT 'load-' || i, 'WRISTBAND', 'x' "
        + "FROM generate_series(0, ?) i", LOAD_DEVICES - 1);
    broker = PrivateMosquitto.anonymous(dir);
    vertx = Vertx.vertx();
    new StreamBus(vertx.eventBus()).onNotice(this::noticed);
    AlarmBus alarms = new AlarmBus(vertx.eventBus());
    alarms.onRaised(r -> raisedNanos.putIfAbsent(r.alarm().subject().elderId(), System.nanoTime()));
    alarms.onStored(st -> storedNanos.putIfAbsent(Long.parseLong(st.subject().substring("elder:".length())),
        System.nanoTime()));
    Settings settings = Settings.fromMap(Map.of("ANXIN_DATA_DIR", dir.resolve("data").toString(),
        "ANXIN_GATEWAY_LINGER_MS", "5", DispatcherOptions.ESCALATION_SCALE, "0.05"));
    MqttOptions mqtt = MqttOptions.from(settings).connectedTo(broker.url(), null, null);
    NodeContext node = new NodeContext(settings, NodeOptions.from(settings), db.database(), mqtt,
        new SimpleMeterRegistry(), Router.router(vertx), new HealthChecks());
    new GatewayModule().deploy(vertx, node).await();
    new DispatcherModule().deploy(vertx, node).await();
    devices = new MqttClient(broker.url(), "devices-e2e", new MemoryPersistence());
    devices.connect();
  }

  @AfterAll
  void stop() throws MqttException {
    devices.disconnect();
    devices.close();
    vertx.close().await();
    broker.close();
    db.close();
  }

  @Test
  @DisplayName("device SOS → alarm → carer's live stream and SMS → acknowledgement → no further step")
  void sosReachesTheCarer() throws Exception {
    // GIVEN an elder wearing wristband wb-0 whose PRIMARY carer is on shift
    Home home = homes.get(0);
    long carer = carers.get(0);
    // WHEN the wristband sends an SOS event through the broker
    sos("wb-0", 1);
    // THEN the carer's live stream gets it, and the SMS is in the outbox
    Await.until(WAIT, "the carer's stream notice", () -> firstNoticeNanos.containsKey(carer));
    long alarm = db.number("SELECT id FROM alarms WHERE elder_id = ? AND type = 'SOS'", home.elderId());
    Await.until(WAIT, "the carer's SMS in the outbox", () -> db.number("SELECT count(*) FROM sms_outbox "
        + "WHERE idempotency_key LIKE ?", "alarm:" + alarm + "|step:1|carer:%|SMS") == 1);
    long backupsDue = db.number("SELECT (EXTRACT(EPOCH FROM next_escalation_at) * 1000)::bigint FROM alarms "
        + "WHERE id = ?", alarm);
    // AND WHEN the carer acknowledges from the stream
    AlarmView acked = new DispatchBus(vertx.eventBus()).command(new AlarmCommand(alarm, AlarmAction.ACKNOWLEDGE,
        "carer-e2e", null)).await();
    // THEN escalation stops: past the 3 s (scaled 60 s) at which backups were due, still step 1
    assertEquals("ACKNOWLEDGED", acked.state());
    Await.until(WAIT, "past the backups' deadline", () -> System.currentTimeMillis() > backupsDue + 300);
    assertEquals(1, db.number("SELECT escalation_step FROM alarms WHERE id = ?", alarm));
    assertEquals(List.of("ACKNOWLEDGED", "ESCALATED", "NOTIFICATION", "NOTIFIED"), db.strings("SELECT DISTINCT kind "
        + "FROM alarm_events WHERE alarm_id = ? AND kind IN ('ESCALATED', 'NOTIFICATION', 'NOTIFIED', "
        + "'ACKNOWLEDGED') ORDER BY 1", alarm));
  }

  @Test
  @DisplayName("measures SOS publish → carer's stream notice, one elder at a time (figures in the test output)")
  void measuresLatency() throws Exception {
    if (LOAD_RATE == 0) {
      measure();
      return;
    }
    try (TelemetryLoad load = new TelemetryLoad(broker.url(), LOAD_DEVICES, LOAD_RATE)) {
      Thread.sleep(2_000); // let the background traffic settle before timing
      long before = load.sent();
      long started = System.nanoTime();
      measure();
      System.out.printf("with background telemetry: %.0f messages/s sent during the measurement%n",
          (load.sent() - before) * 1e9 / (System.nanoTime() - started));
    }
  }

  private void measure() throws MqttException {
    long[] total = new long[MEASURED];
    long[] toRaised = new long[MEASURED];
    long[] toStored = new long[MEASURED];
    long[] toNotice = new long[MEASURED];
    for (int i = 1; i <= MEASURED; i++) {
      long carer = carers.get(i);
      long elder = homes.get(i).elderId();
      long sent = System.nanoTime();
      sos("wb-" + i, 1);
      Await.until(WAIT, "notice " + i, () -> firstNoticeNanos.containsKey(carer));
      total[i - 1] = firstNoticeNanos.get(carer) - sent;
      toRaised[i - 1] = raisedNanos.get(elder) - sent;
      toStored[i - 1] = storedNanos.get(elder) - raisedNanos.get(elder);
      toNotice[i - 1] = firstNoticeNanos.get(carer) - storedNanos.get(elder);
      acknowledge(elder);
    }
    report("SOS publish -> carer stream notice", total);
    report("  publish -> alarm.raised (broker, gateway, rules)", toRaised);
    report("  alarm.raised -> alarm.stored (outbox fsync, insert)", toStored);
    report("  alarm.stored -> stream notice (escalation step)", toNotice);
    assertTrue(total[MEASURED - 1] > 0);
  }

  /** The carer acknowledges (untimed), as carers do, so that no later step adds load to the measurement. */
  private void acknowledge(long elder) {
    long alarm = db.number("SELECT id FROM alarms WHERE elder_id = ? AND type = 'SOS'", elder);
    new DispatchBus(vertx.eventBus()).command(new AlarmCommand(alarm, AlarmAction.ACKNOWLEDGE, "carer-bench", null))
        .await();
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("%s over %d alarms: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.length,
        sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private void sos(String deviceId, long seq) throws MqttException {
    JsonObject payload = new JsonObject().put("ts", System.currentTimeMillis()).put("seq", seq).put("boot", "b1")
        .put("type", "SOS");
    devices.publish("anxin/v1/dev/" + deviceId + "/event", payload.encode().getBytes(StandardCharsets.UTF_8), 1,
        false);
  }

  private void noticed(StreamNotice notice) {
    long now = System.nanoTime();
    notice.userIds().forEach(u -> firstNoticeNanos.putIfAbsent(u, now));
  }
}
