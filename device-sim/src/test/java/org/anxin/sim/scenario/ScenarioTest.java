package org.anxin.sim.scenario;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.behaviour.GeoPoint;
import org.anxin.sim.behaviour.HomeLocator;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.LinkOptions;
import org.anxin.sim.testing.Capture;
import org.anxin.sim.testing.Capture.Received;
import org.anxin.sim.testing.PrivateMosquitto;
import org.anxin.sim.testing.TestDevices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.anxin.sim.testing.Capture.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Each scenario publishes what its situation looks like on the wire")
class ScenarioTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final List<DeviceCredentials> DEVICES = TestDevices.fleet(12, 6);
  private static final HomeLocator HOMES = HomeLocator.around(HomeLocator.DEFAULT_CENTRE, 7);

  private static PrivateMosquitto broker;
  private static Capture capture;
  private static ScenarioRunner runner;

  @BeforeAll
  static void startBroker() {
    broker = PrivateMosquitto.start(DEVICES);
    capture = Capture.on(broker.address());
    runner = new ScenarioRunner(DEVICES, broker.address(), LinkOptions.defaults(), HOMES, ZONE, 1, System.out);
  }

  @AfterAll
  static void stopBroker() {
    capture.close();
    broker.close();
  }

  private static ScenarioOptions fast() {
    ScenarioOptions o = new ScenarioOptions();
    o.speed = 1000;
    o.interval = 30;
    return o;
  }

  private static void play(String name, String deviceId, ScenarioOptions options) throws InterruptedException {
    runner.play(ScenarioName.parse(name), deviceId, null, options);
  }

  private static void assertProtocol(List<Received> messages) {
    long previousSeq = -1;
    for (Received r : messages) {
      JsonObject json = r.json();
      assertTrue(json.getString("boot").length() <= 16, "boot ≤ 16 characters");
      assertTrue(json.getLong("seq") > previousSeq, "seq increases within the boot");
      assertTrue(Math.abs(json.getLong("ts") - System.currentTimeMillis()) < 3_600_000, "ts is epoch ms");
      previousSeq = json.getLong("seq");
    }
  }

  @Test
  @DisplayName("sos: a wristband announces itself, reports its fix and sends SOS with the position")
  void sosFromAWristband() throws InterruptedException {
    play("sos", "W-01", fast());

    JsonObject status = capture.awaitOne(from("W-01", "status"), WAIT).json();
    JsonObject sos = capture.awaitOne(from("W-01", "event"), WAIT).json();
    assertTrue(status.getBoolean("online"));
    assertEquals("SOS", sos.getString("type"));
    GeoPoint home = HOMES.homeOf("W-01", 1L);
    assertTrue(home.distanceTo(new GeoPoint(sos.getDouble("lat"), sos.getDouble("lon"))) < 50, "near home");
    assertProtocol(capture.matching(r -> "W-01".equals(r.deviceId())));
  }

  @Test
  @DisplayName("sos on a home terminal comes from its panic button; --elder picks the wristband first")
  void sosFromATerminalAndByElder() throws InterruptedException {
    play("sos", "T-01", fast());
    runner.play(ScenarioName.SOS, null, 2L, fast());

    assertEquals("panic-button", capture.awaitOne(from("T-01", "event"), WAIT).json().getString("sensor"));
    assertEquals("SOS", capture.awaitOne(from("W-02", "event"), WAIT).json().getString("type"));
  }

  @Test
  @DisplayName("fall: FALL with the position, then readings of someone lying still")
  void fall() throws InterruptedException {
    play("fall", "W-03", fast());

    assertEquals("FALL", capture.awaitOne(from("W-03", "event"), WAIT).json().getString("type"));
    List<Received> after = capture.await(from("W-03", "telemetry"), 3, WAIT);
    after.forEach(r -> assertFalse(r.json().getBoolean("motion")));
    after.forEach(r -> assertTrue(r.json().getBoolean("worn")));
  }

  @Test
  @DisplayName("wander: fixes move steadily out of the safe zone and away from it")
  void wander() throws InterruptedException {
    ScenarioOptions o = fast();
    o.radius = 200;
    o.beyond = 300;
    play("wander", "W-04", o);

    GeoPoint home = HOMES.homeOf("W-04", 4L);
    List<Received> fixes = capture.await(from("W-04", "telemetry"), 14, WAIT);
    List<Double> distances = fixes.stream()
        .map(r -> home.distanceTo(new GeoPoint(r.json().getDouble("lat"), r.json().getDouble("lon")))).toList();
    assertTrue(distances.get(0) < 30, "starts at home: " + distances);
    assertTrue(distances.get(distances.size() - 1) > 450, "ends far beyond the zone: " + distances);
    assertTrue(distances.stream().filter(d -> d > 200).count() >= 5, "several fixes outside: " + distances);
    fixes.forEach(r -> assertEquals("gnss", r.json().getString("src")));
  }

  @Test
  @DisplayName("inactivity: the terminal's heartbeats go on with motion=false")
  void inactivity() throws InterruptedException {
    ScenarioOptions o = fast();
    o.silence = 3;
    play("inactivity", "T-02", o);

    List<Received> beats = capture.await(from("T-02", "telemetry"), 6, WAIT);
    beats.forEach(r -> assertFalse(r.json().getBoolean("motion")));
  }

  @Test
  @DisplayName("night-door: the front door opens and closes at night local time, then the home is still")
  void nightDoor() throws InterruptedException {
    play("night-door", "T-03", fast());

    List<Received> door = capture.await(from("T-03", "event"), 2, WAIT);
    assertEquals("DOOR_OPEN", door.get(0).json().getString("type"));
    assertEquals("DOOR_CLOSE", door.get(1).json().getString("type"));
    int hour = Instant.ofEpochMilli(door.get(0).json().getLong("ts")).atZone(ZONE).getHour();
    assertTrue(hour >= 22 || hour < 6, "opened at night, hour " + hour);
    assertFalse(capture.awaitOne(from("T-03", "telemetry"), WAIT).json().getBoolean("motion"));
  }

  @Test
  @DisplayName("smoke, gas and water-leak: the sensor's event from the home terminal")
  void homeHazards() throws InterruptedException {
    play("smoke", "T-04", fast());
    play("gas", "T-05", fast());
    play("water-leak", "T-06", fast());

    assertEquals("SMOKE", capture.awaitOne(from("T-04", "event"), WAIT).json().getString("type"));
    assertEquals("GAS", capture.awaitOne(from("T-05", "event"), WAIT).json().getString("type"));
    JsonObject leak = capture.awaitOne(from("T-06", "event"), WAIT).json();
    assertEquals("WATER_LEAK", leak.getString("type"));
    assertEquals("bathroom-leak", leak.getString("sensor"));
  }

  @Test
  @DisplayName("heart-rate: consecutive readings at the given rate while worn")
  void heartRate() throws InterruptedException {
    ScenarioOptions o = fast();
    o.hr = 151;
    play("heart-rate", "W-05", o);

    capture.await(from("W-05", "telemetry"), 5, WAIT)
        .forEach(r -> assertEquals(151, r.json().getInteger("hr")));
  }

  @Test
  @DisplayName("low-battery: readings fall to 10 % and the status says so")
  void lowBattery() throws InterruptedException {
    play("low-battery", "W-06", fast());

    List<Received> readings = capture.await(from("W-06", "telemetry"), 5, WAIT);
    assertEquals(20, readings.get(0).json().getInteger("bat"));
    assertEquals(10, readings.get(4).json().getInteger("bat"));
    List<Received> statuses = capture.await(from("W-06", "status"), 2, WAIT);
    assertEquals(10, statuses.get(1).json().getInteger("bat"));
  }

  @Test
  @DisplayName("strap-off: STRAP_OFF, then readings that say the band is not worn")
  void strapOff() throws InterruptedException {
    play("strap-off", "W-07", fast());

    assertEquals("STRAP_OFF", capture.awaitOne(from("W-07", "event"), WAIT).json().getString("type"));
    capture.await(from("W-07", "telemetry"), 5, WAIT).forEach(r -> assertFalse(r.json().getBoolean("worn")));
  }

  @Test
  @DisplayName("offline: the connection is cut without a goodbye and the broker publishes the Last Will")
  void offline() throws InterruptedException {
    play("offline", "W-08", fast());

    List<Received> statuses = capture.await(from("W-08", "status"), 2, WAIT);
    JsonObject online = statuses.get(0).json();
    JsonObject will = statuses.get(1).json();
    assertTrue(online.getBoolean("online"));
    assertFalse(will.getBoolean("online"));
    assertEquals(online.getString("boot"), will.getString("boot"));
    assertNull(will.getValue("seq"), "a Will carries no seq");
    assertNull(will.getValue("ts"), "a Will carries no ts");
  }

  @Test
  @DisplayName("flapping: online and Last Will alternate, cycle after cycle, within one boot")
  void flapping() throws InterruptedException {
    ScenarioOptions o = fast();
    o.cycles = 3;
    play("flapping", "W-09", o);

    List<Received> statuses = capture.await(from("W-09", "status"), 6, WAIT);
    for (int i = 0; i < 6; i++) {
      assertEquals(i % 2 == 0, statuses.get(i).json().getBoolean("online"), "status " + i);
    }
    assertEquals(1, statuses.stream().map(r -> r.json().getString("boot")).distinct().count());
  }
}
