package org.anxin.gateway.alarm;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.testing.Await;
import org.anxin.infra.alarm.AlarmStored;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.mqtt.Inbox;
import org.anxin.infra.mqtt.MqttClients;
import org.anxin.infra.mqtt.Subscriber;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Alarms raised by real device messages through a broker into the gateway, the database and the bus")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AlarmsEndToEndTest {

  private AlarmGateway gw;
  /** The wanderer's wristband, on its own {@code cmd} topic. */
  private Subscriber wristband;

  @BeforeAll
  void start(@TempDir Path dir) throws MqttException {
    gw = new AlarmGateway(dir);
    wristband = Subscriber.start(gw.brokerUrl(), "wb-2", MqttClients.login(null, null), "anxin/v1/dev/wb-2/cmd",
        new Inbox());
  }

  @AfterAll
  void stop() {
    wristband.close();
    gw.close();
  }

  @Test
  @DisplayName("an SOS is on the bus and in the database with its message; a repeat adds an occurrence; a redelivery "
      + "adds nothing")
  void sos() {
    // GIVEN an elder's wristband WHEN it sends an SOS, then another, then the first again
    JsonObject first = gw.fleet.message("wb-1", 1).put("type", "SOS").put("lat", AlarmGateway.HOME_LAT)
        .put("lon", AlarmGateway.HOME_LON);
    gw.send("wb-1", "event", first);
    gw.awaitAlarms("type = 'SOS' AND state = 'OPEN' AND source_device_id = 'wb-1' AND source_seq = 1", 1);
    gw.send("wb-1", "event", gw.fleet.message("wb-1", 2).put("type", "SOS"));
    gw.send("wb-1", "event", first);
    // THEN one open SOS with two occurrences, published first as new and then as a repeat
    Await.until(AlarmGateway.WAIT, "two occurrences", () -> gw.alarms("type = 'SOS' AND occurrences = 2") == 1);
    Await.until(AlarmGateway.WAIT, "two SOS on the bus", () -> gw.raisedOf("SOS").size() >= 2);
    assertFalse(gw.raisedOf("SOS").get(0).repeat());
    assertTrue(gw.raisedOf("SOS").get(1).repeat());
    assertEquals(2, gw.gateway.count("SELECT count(*) FROM alarm_events e JOIN alarms a ON a.id = e.alarm_id "
        + "WHERE a.type = 'SOS'"));
  }

  @Test
  @DisplayName("a gas alarm is published and stored while the storage of telemetry and events is held up")
  void notBehindTelemetry() throws SQLException {
    try (Connection lock = gw.gateway.database.dataSource().getConnection()) {
      // GIVEN telemetry and device events that cannot be written (locked), and more telemetry waiting than the
      // storage session's batches, inbox and receive window hold, so its stream stops at the broker
      lock.setAutoCommit(false);
      lock.createStatement().execute("LOCK TABLE telemetry, device_events IN ACCESS EXCLUSIVE MODE");
      for (int seq = 1; seq <= 20; seq++) {
        gw.send("wb-4", "telemetry", gw.fleet.message("wb-4", 1000 + seq).put("boot", "held").put("bat", 70));
      }
      // WHEN a gas sensor goes off
      gw.send("ht-2", "event", gw.fleet.message("ht-2", 500).put("type", "GAS").put("sensor", "kitchen"));
      // THEN the alarm is on the bus and in the alarms table before any of that is stored
      Await.until(AlarmGateway.WAIT, "GAS on the bus", () -> !gw.raisedOf("GAS").isEmpty());
      gw.awaitAlarms("type = 'GAS' AND elder_id = " + gw.fleet.wanderer(), 1);
      lock.rollback();
    }
    Await.until(AlarmGateway.WAIT, "the held-up telemetry stored", () -> gw.gateway.count(
        "SELECT count(*) FROM telemetry WHERE device_id = 'wb-4' AND boot = 'held'") == 20);
  }

  @Test
  @DisplayName("a home terminal's smoke alarm from an unknown sensor, with a clock in seconds and extra fields, is "
      + "raised for the household's elder")
  void smokeNeverDropped() {
    JsonObject smoke = new JsonObject().put("ts", System.currentTimeMillis() / 1000).put("seq", 1).put("boot", "b1")
        .put("type", "SMOKE").put("sensor", "kitchen-99").put("vendorExtra", "x");
    gw.send("ht-1", "event", smoke);
    gw.awaitAlarms("type = 'SMOKE' AND elder_id = " + gw.fleet.elderId(), 1);
  }

  @Test
  @DisplayName("wandering: one bad fix raises nothing, two fixes outside raise FENCE_EXIT at priority 1 with fast "
      + "fixes asked for; the return is recorded and the interval restored")
  void fenceExit() {
    gw.send("wb-2", "telemetry", gw.fleet.fix("wb-2", 1, 650, 400));
    gw.send("wb-2", "telemetry", gw.fleet.fix("wb-2", 2, 0, 10));
    assertEquals(0, gw.alarms("type = 'FENCE_EXIT'"));
    gw.send("wb-2", "telemetry", gw.fleet.fix("wb-2", 3, 650, 400));
    gw.send("wb-2", "telemetry", gw.fleet.fix("wb-2", 4, 680, 400));
    gw.awaitAlarms("type = 'FENCE_EXIT' AND priority = 1 AND elder_id = " + gw.fleet.wanderer(), 1);
    Await.until(AlarmGateway.WAIT, "set_interval 30 on the wristband's cmd topic", () -> gotInterval(30));
    gw.send("wb-2", "telemetry", gw.fleet.fix("wb-2", 5, 0, 10));
    Await.until(AlarmGateway.WAIT, "the return recorded", () -> gw.gateway.count(
        "SELECT count(*) FROM alarm_events e JOIN alarms a "
        + "ON a.id = e.alarm_id WHERE a.type = 'FENCE_EXIT' AND e.kind = 'CONDITION_CLEARED'") == 1);
    Await.until(AlarmGateway.WAIT, "set_interval 60 on the wristband's cmd topic", () -> gotInterval(60));
    assertEquals(1, gw.alarms("type = 'FENCE_EXIT' AND state = 'OPEN'"));
  }

  @Test
  @DisplayName("a low battery is raised once and closes itself when charged")
  void lowBattery() {
    gw.send("wb-3", "telemetry", gw.fleet.message("wb-3", 1).put("bat", 12));
    gw.send("wb-3", "telemetry", gw.fleet.message("wb-3", 2).put("bat", 11));
    gw.awaitAlarms("type = 'LOW_BATTERY' AND state = 'OPEN'", 1);
    gw.send("wb-3", "telemetry", gw.fleet.message("wb-3", 3).put("bat", 95));
    gw.awaitAlarms("type = 'LOW_BATTERY' AND state = 'RESOLVED'", 1);
    assertEquals(1, gw.raisedOf("LOW_BATTERY").size());
  }

  @Test
  @DisplayName("heart rate out of range on three readings, and a door opened in the night window, are raised")
  void heartRateAndNightDoor() {
    for (int seq = 1; seq <= 3; seq++) {
      gw.send("wb-4", "telemetry", gw.fleet.message("wb-4", seq).put("hr", 170));
    }
    gw.awaitAlarms("type = 'HEART_RATE'", 1);
    gw.send("ht-2", "event", gw.fleet.message("ht-2", 1).put("type", "DOOR_OPEN").put("sensor", "front"));
    gw.awaitAlarms("type = 'NIGHT_DOOR' AND elder_id = " + gw.fleet.wanderer(), 1);
  }

  @Test
  @DisplayName("changed settings take effect without a restart once rules.changed is published")
  void settingsReloaded() {
    // GIVEN elder 1 without night-door alarms: a door opening raises nothing
    gw.send("ht-1", "event", gw.fleet.message("ht-1", 100).put("type", "DOOR_OPEN"));
    Await.until(AlarmGateway.WAIT, "the door event stored", () -> gw.gateway.count(
        "SELECT count(*) FROM device_events WHERE device_id = 'ht-1' AND seq = 100") == 1);
    assertEquals(0, gw.alarms("type = 'NIGHT_DOOR' AND elder_id = " + gw.fleet.elderId()));
    // WHEN the elder's settings turn it on for the whole day and the change is announced
    gw.gateway.count("WITH u AS (UPDATE elders SET rule_settings = '{\"nightDoor\":true,\"night\":\"00:00-00:00\"}' "
        + "WHERE id = " + gw.fleet.elderId() + " RETURNING 1) SELECT count(*) FROM u");
    gw.gateway.vertx.eventBus().publish(Addresses.RULES_CHANGED, new JsonObject());
    // THEN a later door opening raises NIGHT_DOOR
    long[] seq = {100};
    Await.until(AlarmGateway.WAIT, "NIGHT_DOOR after the reload", () -> {
      gw.send("ht-1", "event", gw.fleet.message("ht-1", ++seq[0]).put("type", "DOOR_OPEN"));
      return gw.alarms("type = 'NIGHT_DOOR' AND elder_id = " + gw.fleet.elderId()) == 1;
    });
  }

  @Test
  @DisplayName("after a gateway restart, a replayed FALL message adds nothing and is published as a repeat")
  void replayAfterRestart() {
    // GIVEN a FALL stored by the running gateway
    JsonObject fall = gw.fleet.message("ht-3", 50).put("boot", "replay").put("type", "FALL");
    gw.send("ht-3", "event", fall);
    gw.awaitAlarms("type = 'FALL' AND state = 'OPEN'", 1);
    // WHEN the gateway restarts and the same message arrives again
    gw.restart();
    gw.send("ht-3", "event", fall);
    // THEN it is published as a repeat, stored as a duplicate, and the alarm keeps one occurrence
    Await.until(AlarmGateway.WAIT, "the replay stored as a duplicate", () -> gw.stored.stream().anyMatch(s ->
        s.type() == AlarmType.FALL && s.outcome() == AlarmStored.Outcome.DUPLICATE));
    assertTrue(gw.raisedOf("FALL").get(gw.raisedOf("FALL").size() - 1).repeat());
    assertEquals(1, gw.alarms("type = 'FALL' AND occurrences = 1"));
    assertEquals(1, gw.gateway.count("SELECT count(*) FROM alarm_events e JOIN alarms a ON a.id = e.alarm_id "
        + "WHERE a.type = 'FALL'"));
  }

  @Test
  @DisplayName("a device that says goodbye is raised as DEVICE_OFFLINE by the timer check")
  void deviceOffline() {
    gw.send("ht-3", "status", gw.fleet.message("ht-3", 1).put("online", true).put("interval", 60));
    gw.send("ht-3", "status", gw.fleet.message("ht-3", 2).put("online", false));
    gw.awaitAlarms("type = 'DEVICE_OFFLINE' AND device_id = 'ht-3'", 1);
  }

  /** Whether a {@code set_interval} to this many seconds has reached the wristband. */
  private boolean gotInterval(int seconds) {
    return wristband.inbox().holds(m -> "set_interval".equals(m.json().getString("name"))
        && m.json().getJsonObject("args").getInteger("interval") == seconds);
  }
}
