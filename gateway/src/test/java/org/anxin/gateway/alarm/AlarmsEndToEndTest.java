package org.anxin.gateway.alarm;

import io.vertx.core.json.JsonObject;
import org.anxin.gateway.ingest.IngestVerticle;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.gateway.testing.Await;
import org.anxin.gateway.testing.GatewayHarness;
import org.anxin.gateway.testing.MosquittoBroker;
import org.anxin.gateway.testing.Publisher;
import org.anxin.infra.alarm.AlarmBus;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.AlarmRaised;
import org.anxin.infra.alarm.AlarmStored;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.testing.TestDatabase;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.anxin.gateway.testing.Payloads.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Alarms raised by real device messages through a broker into the gateway, the database and the bus")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AlarmsEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final double HOME_LAT = 30.2741;
  private static final double HOME_LON = 120.1551;

  private TestDatabase testDb;
  private MosquittoBroker broker;
  private GatewayHarness gateway;
  private Publisher devices;
  private AlarmFleet fleet;
  private String deployment;
  private Settings settings;
  private MqttOptions mqtt;
  private final List<AlarmRaised> raised = new CopyOnWriteArrayList<>();
  private final List<AlarmStored> stored = new CopyOnWriteArrayList<>();
  private CommandInbox wristband;

  @BeforeAll
  void start(@TempDir Path dir) throws MqttException {
    testDb = TestDatabase.create();
    broker = MosquittoBroker.start(dir);
    gateway = new GatewayHarness(testDb.options(), broker.url());
    fleet = AlarmFleet.create(gateway.database, HOME_LAT, HOME_LON);
    settings = Settings.fromMap(Map.of("ANXIN_DATA_DIR", dir.resolve("data").toString(),
        "ANXIN_RULES_CHECK_S", "1", "ANXIN_RULES_LAST_WILL_GRACE_S", "0", "ANXIN_GATEWAY_LINGER_MS", "10"));
    AlarmBus bus = new AlarmBus(gateway.vertx.eventBus());
    bus.onRaised(raised::add);
    bus.onStored(stored::add);
    mqtt = MqttOptions.from(settings).connectedTo(broker.url(), null, null);
    deployGateway();
    devices = Publisher.connect(broker.url(), 50);
    wristband = CommandInbox.of("wb-2", broker.url());
  }

  /**
   * Deploys the ingest verticle with the alarm rules, as the gateway module does; with small batches and windows,
   * so that a few messages held up fill the storage session and the broker holds back the rest of its stream.
   */
  private void deployGateway() {
    NodeOptions node = NodeOptions.from(settings);
    AlarmRules alarms = new AlarmRules(AlarmRulesOptions.from(settings), AlarmOptions.from(settings, node, "gateway"),
        node, gateway.database, mqtt, gateway.registry, Clock.systemUTC());
    deployment = gateway.vertx.deployVerticle(new IngestVerticle(GatewayHarness.options(Map.of(
        "ANXIN_GATEWAY_LINGER_MS", "10", "ANXIN_GATEWAY_BATCH_SIZE", "5", "ANXIN_GATEWAY_PARALLEL_BATCHES", "1",
        "ANXIN_GATEWAY_RECEIVE_MAXIMUM", "10", "ANXIN_GATEWAY_QUEUE_LIMIT", "10")), gateway.database, mqtt, new GatewayMetrics(gateway.registry),
        gateway.health, alarms)).await();
  }

  @AfterAll
  void stop() throws MqttException {
    wristband.close();
    devices.close();
    gateway.vertx.undeploy(deployment).await();
    gateway.close();
    broker.close();
    testDb.close();
  }

  private void send(String deviceId, String channel, JsonObject payload) {
    devices.publish(topic(deviceId, channel), payload.encode());
    devices.flush();
  }

  private long alarms(String where) {
    return gateway.count("SELECT count(*) FROM alarms WHERE " + where);
  }

  private void awaitAlarms(String where, long expected) {
    Await.until(WAIT, expected + " alarms where " + where, () -> alarms(where) == expected);
  }

  private List<AlarmRaised> raisedOf(String type) {
    return raised.stream().filter(r -> r.alarm().type().name().equals(type)).toList();
  }

  @Test
  @DisplayName("an SOS is on the bus and in the database with its message; a repeat adds an occurrence; a redelivery "
      + "adds nothing")
  void sos() {
    // GIVEN an elder's wristband WHEN it sends an SOS, then another, then the first again
    JsonObject first = fleet.message("wb-1", 1).put("type", "SOS").put("lat", HOME_LAT).put("lon", HOME_LON);
    send("wb-1", "event", first);
    awaitAlarms("type = 'SOS' AND state = 'OPEN' AND source_device_id = 'wb-1' AND source_seq = 1", 1);
    send("wb-1", "event", fleet.message("wb-1", 2).put("type", "SOS"));
    send("wb-1", "event", first);
    // THEN one open SOS with two occurrences, published first as new and then as a repeat
    Await.until(WAIT, "two occurrences", () -> alarms("type = 'SOS' AND occurrences = 2") == 1);
    Await.until(WAIT, "two SOS on the bus", () -> raisedOf("SOS").size() >= 2);
    assertFalse(raisedOf("SOS").get(0).repeat());
    assertTrue(raisedOf("SOS").get(1).repeat());
    assertEquals(2, gateway.count("SELECT count(*) FROM alarm_events e JOIN alarms a ON a.id = e.alarm_id "
        + "WHERE a.type = 'SOS'"));
  }

  @Test
  @DisplayName("a gas alarm is published and stored while the storage of telemetry and events is held up")
  void notBehindTelemetry() throws SQLException {
    try (Connection lock = gateway.database.dataSource().getConnection()) {
      // GIVEN telemetry and device events that cannot be written (locked), and more telemetry waiting than the
      // storage session's batches, inbox and receive window hold, so its stream stops at the broker
      lock.setAutoCommit(false);
      lock.createStatement().execute("LOCK TABLE telemetry, device_events IN ACCESS EXCLUSIVE MODE");
      for (int seq = 1; seq <= 20; seq++) {
        send("wb-4", "telemetry", fleet.message("wb-4", 1000 + seq).put("boot", "held").put("bat", 70));
      }
      // WHEN a gas sensor goes off
      send("ht-2", "event", fleet.message("ht-2", 500).put("type", "GAS").put("sensor", "kitchen"));
      // THEN the alarm is on the bus and in the alarms table before any of that is stored
      Await.until(WAIT, "GAS on the bus", () -> !raisedOf("GAS").isEmpty());
      awaitAlarms("type = 'GAS' AND elder_id = " + fleet.wanderer(), 1);
      lock.rollback();
    }
    Await.until(WAIT, "the held-up telemetry stored", () -> gateway.count(
        "SELECT count(*) FROM telemetry WHERE device_id = 'wb-4' AND boot = 'held'") == 20);
  }

  @Test
  @DisplayName("a home terminal's smoke alarm from an unknown sensor, with a clock in seconds and extra fields, is "
      + "raised for the household's elder")
  void smokeNeverDropped() {
    JsonObject smoke = new JsonObject().put("ts", System.currentTimeMillis() / 1000).put("seq", 1).put("boot", "b1")
        .put("type", "SMOKE").put("sensor", "kitchen-99").put("vendorExtra", "x");
    send("ht-1", "event", smoke);
    awaitAlarms("type = 'SMOKE' AND elder_id = " + fleet.elderId(), 1);
  }

  @Test
  @DisplayName("wandering: one bad fix raises nothing, two fixes outside raise FENCE_EXIT at priority 1 with fast "
      + "fixes asked for; the return is recorded and the interval restored")
  void fenceExit() {
    send("wb-2", "telemetry", fleet.fix("wb-2", 1, 650, 400));
    send("wb-2", "telemetry", fleet.fix("wb-2", 2, 0, 10));
    assertEquals(0, alarms("type = 'FENCE_EXIT'"));
    send("wb-2", "telemetry", fleet.fix("wb-2", 3, 650, 400));
    send("wb-2", "telemetry", fleet.fix("wb-2", 4, 680, 400));
    awaitAlarms("type = 'FENCE_EXIT' AND priority = 1 AND elder_id = " + fleet.wanderer(), 1);
    Await.until(WAIT, "set_interval 30 on the wristband's cmd topic", () -> wristband.gotInterval(30));
    send("wb-2", "telemetry", fleet.fix("wb-2", 5, 0, 10));
    Await.until(WAIT, "the return recorded", () -> gateway.count("SELECT count(*) FROM alarm_events e JOIN alarms a "
        + "ON a.id = e.alarm_id WHERE a.type = 'FENCE_EXIT' AND e.kind = 'CONDITION_CLEARED'") == 1);
    Await.until(WAIT, "set_interval 60 on the wristband's cmd topic", () -> wristband.gotInterval(60));
    assertEquals(1, alarms("type = 'FENCE_EXIT' AND state = 'OPEN'"));
  }

  @Test
  @DisplayName("a low battery is raised once and closes itself when charged")
  void lowBattery() {
    send("wb-3", "telemetry", fleet.message("wb-3", 1).put("bat", 12));
    send("wb-3", "telemetry", fleet.message("wb-3", 2).put("bat", 11));
    awaitAlarms("type = 'LOW_BATTERY' AND state = 'OPEN'", 1);
    send("wb-3", "telemetry", fleet.message("wb-3", 3).put("bat", 95));
    awaitAlarms("type = 'LOW_BATTERY' AND state = 'RESOLVED'", 1);
    assertEquals(1, raisedOf("LOW_BATTERY").size());
  }

  @Test
  @DisplayName("heart rate out of range on three readings, and a door opened in the night window, are raised")
  void heartRateAndNightDoor() {
    for (int seq = 1; seq <= 3; seq++) {
      send("wb-4", "telemetry", fleet.message("wb-4", seq).put("hr", 170));
    }
    awaitAlarms("type = 'HEART_RATE'", 1);
    send("ht-2", "event", fleet.message("ht-2", 1).put("type", "DOOR_OPEN").put("sensor", "front"));
    awaitAlarms("type = 'NIGHT_DOOR' AND elder_id = " + fleet.wanderer(), 1);
  }

  @Test
  @DisplayName("changed settings take effect without a restart once rules.changed is published")
  void settingsReloaded() {
    // GIVEN elder 1 without night-door alarms: a door opening raises nothing
    send("ht-1", "event", fleet.message("ht-1", 100).put("type", "DOOR_OPEN"));
    Await.until(WAIT, "the door event stored", () -> gateway.count(
        "SELECT count(*) FROM device_events WHERE device_id = 'ht-1' AND seq = 100") == 1);
    assertEquals(0, alarms("type = 'NIGHT_DOOR' AND elder_id = " + fleet.elderId()));
    // WHEN the elder's settings turn it on for the whole day and the change is announced
    gateway.count("WITH u AS (UPDATE elders SET rule_settings = '{\"nightDoor\":true,\"night\":\"00:00-00:00\"}' "
        + "WHERE id = " + fleet.elderId() + " RETURNING 1) SELECT count(*) FROM u");
    gateway.vertx.eventBus().publish(Addresses.RULES_CHANGED, new JsonObject());
    // THEN a later door opening raises NIGHT_DOOR
    long[] seq = {100};
    Await.until(WAIT, "NIGHT_DOOR after the reload", () -> {
      send("ht-1", "event", fleet.message("ht-1", ++seq[0]).put("type", "DOOR_OPEN"));
      return alarms("type = 'NIGHT_DOOR' AND elder_id = " + fleet.elderId()) == 1;
    });
  }

  @Test
  @DisplayName("after a gateway restart, a replayed FALL message adds nothing and is published as a repeat")
  void replayAfterRestart() {
    // GIVEN a FALL stored by the running gateway
    JsonObject fall = fleet.message("ht-3", 50).put("boot", "replay").put("type", "FALL");
    send("ht-3", "event", fall);
    awaitAlarms("type = 'FALL' AND state = 'OPEN'", 1);
    // WHEN the gateway restarts and the same message arrives again
    gateway.vertx.undeploy(deployment).await();
    deployGateway();
    send("ht-3", "event", fall);
    // THEN it is published as a repeat, stored as a duplicate, and the alarm keeps one occurrence
    Await.until(WAIT, "the replay stored as a duplicate", () -> stored.stream().anyMatch(s ->
        s.type() == AlarmType.FALL && s.outcome() == AlarmStored.Outcome.DUPLICATE));
    assertTrue(raisedOf("FALL").get(raisedOf("FALL").size() - 1).repeat());
    assertEquals(1, alarms("type = 'FALL' AND occurrences = 1"));
    assertEquals(1, gateway.count("SELECT count(*) FROM alarm_events e JOIN alarms a ON a.id = e.alarm_id "
        + "WHERE a.type = 'FALL'"));
  }

  @Test
  @DisplayName("a device that says goodbye is raised as DEVICE_OFFLINE by the timer check")
  void deviceOffline() {
    send("ht-3", "status", fleet.message("ht-3", 1).put("online", true).put("interval", 60));
    send("ht-3", "status", fleet.message("ht-3", 2).put("online", false));
    awaitAlarms("type = 'DEVICE_OFFLINE' AND device_id = 'ht-3'", 1);
  }
}
