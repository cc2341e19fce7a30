package org.anxin.sim.scenario;

import org.anxin.sim.behaviour.GeoPoint;
import org.anxin.sim.behaviour.HomeLocator;
import org.anxin.sim.fleet.LinkOptions;
import org.anxin.sim.testing.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("What each scenario stores, through the real broker and gateway")
class ScenarioStorageTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final HomeLocator HOMES = HomeLocator.around(HomeLocator.DEFAULT_CENTRE, 3);
  private static final String TELEMETRY = "SELECT * FROM telemetry WHERE device_id = ? ORDER BY seq";
  private static final String EVENTS =
      "SELECT * FROM device_events WHERE device_id = ? AND channel = ? ORDER BY received_at, seq";

  private static Platform platform;
  private static ScenarioRunner runner;

  @BeforeAll
  static void startPlatform() {
    platform = new Platform(10, 6);
    runner = new ScenarioRunner(platform.devices(), platform.broker().address(), LinkOptions.defaults(), HOMES,
        ZONE, 3, System.out);
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  private static void play(String name, String device, ScenarioOptions options) throws InterruptedException {
    runner.play(ScenarioName.parse(name), device, null, options);
  }

  private static ScenarioOptions fast() {
    ScenarioOptions o = new ScenarioOptions();
    o.speed = 1000;
    return o;
  }

  @Test
  @DisplayName("sos: an ONLINE status, the fix, and the SOS event with its position are stored")
  void sos() throws InterruptedException {
    play("sos", "W-01", fast());

    Map<String, Object> sos = platform.awaitRows(1, EVENTS, "W-01", "event").get(0);
    assertEquals("SOS", sos.get("type"));
    assertTrue(sos.get("lat") instanceof Double);
    assertEquals("ONLINE", platform.awaitRows(1, EVENTS, "W-01", "status").get(0).get("type"));
    assertEquals(96, platform.awaitRows(1, TELEMETRY, "W-01").get(0).get("hr"));
  }

  @Test
  @DisplayName("fall: the FALL event and three still readings are stored")
  void fall() throws InterruptedException {
    play("fall", "W-02", fast());

    assertEquals("FALL", platform.awaitRows(1, EVENTS, "W-02", "event").get(0).get("type"));
    platform.awaitRows(3, TELEMETRY, "W-02").forEach(r -> assertEquals(false, r.get("motion")));
  }

  @Test
  @DisplayName("wander: the stored fixes and the device's last fix end far outside the zone")
  void wander() throws InterruptedException {
    ScenarioOptions o = fast();
    o.radius = 200;
    o.beyond = 300;
    play("wander", "W-03", o);

    List<Map<String, Object>> fixes = platform.awaitRows(14, TELEMETRY, "W-03");
    Map<String, Object> last = fixes.get(fixes.size() - 1);
    GeoPoint home = HOMES.homeOf("W-03", 3L);
    assertTrue(home.distanceTo(new GeoPoint((Double) last.get("lat"), (Double) last.get("lon"))) > 450);
    Map<String, Object> state = platform.awaitRows(1,
        "SELECT * FROM device_state WHERE device_id = ? AND last_fix_lat = ?", "W-03", last.get("lat")).get(0);
    assertEquals(last.get("lon"), state.get("last_fix_lon"));
  }

  @Test
  @DisplayName("inactivity: heartbeats with motion=false are stored")
  void inactivity() throws InterruptedException {
    ScenarioOptions o = fast();
    o.silence = 2;
    play("inactivity", "T-01", o);

    platform.awaitRows(4, TELEMETRY, "T-01").forEach(r -> assertEquals(false, r.get("motion")));
  }

  @Test
  @DisplayName("night-door: DOOR_OPEN and DOOR_CLOSE are stored with night-time local timestamps")
  void nightDoor() throws InterruptedException {
    play("night-door", "T-02", fast());

    List<Map<String, Object>> door = platform.awaitRows(2, EVENTS, "T-02", "event");
    assertEquals(List.of("DOOR_OPEN", "DOOR_CLOSE"), door.stream().map(r -> r.get("type")).toList());
    int hour = ((Timestamp) door.get(0).get("ts")).toInstant().atZone(ZONE).getHour();
    assertTrue(hour >= 22 || hour < 6, "hour " + hour);
    assertEquals(false, door.get(0).get("clock_skewed"));
  }

  @Test
  @DisplayName("smoke, gas and water-leak: each sensor's event is stored with its sensor")
  void hazards() throws InterruptedException {
    play("smoke", "T-03", fast());
    play("gas", "T-04", fast());
    play("water-leak", "T-05", fast());

    assertEquals("kitchen-smoke", platform.awaitRows(1, EVENTS, "T-03", "event").get(0).get("sensor"));
    assertEquals("GAS", platform.awaitRows(1, EVENTS, "T-04", "event").get(0).get("type"));
    assertEquals("WATER_LEAK", platform.awaitRows(1, EVENTS, "T-05", "event").get(0).get("type"));
  }

  @Test
  @DisplayName("heart-rate, low-battery and strap-off: their readings and events are stored")
  void readings() throws InterruptedException {
    play("heart-rate", "W-04", fast());
    play("low-battery", "W-05", fast());
    play("strap-off", "W-06", fast());

    platform.awaitRows(5, TELEMETRY, "W-04").forEach(r -> assertEquals(142, r.get("hr")));
    assertEquals(10, platform.awaitRows(5, TELEMETRY, "W-05").get(4).get("bat"));
    platform.awaitRows(1, "SELECT * FROM device_state WHERE device_id = ? AND bat = 10", "W-05");
    assertEquals("STRAP_OFF", platform.awaitRows(1, EVENTS, "W-06", "event").get(0).get("type"));
    platform.awaitRows(5, TELEMETRY, "W-06").forEach(r -> assertEquals(false, r.get("worn")));
  }

  @Test
  @DisplayName("offline: the Last Will is stored as OFFLINE without seq and the device is marked offline")
  void offline() throws InterruptedException {
    play("offline", "W-07", fast());

    List<Map<String, Object>> statuses = platform.awaitRows(2, EVENTS, "W-07", "status");
    assertEquals("OFFLINE", statuses.get(1).get("type"));
    assertNull(statuses.get(1).get("seq"));
    platform.awaitRows(1, "SELECT * FROM device_state WHERE device_id = ? AND NOT online", "W-07");
  }

  @Test
  @DisplayName("flapping: each reconnection's ONLINE is stored, and the boot's Last Will (kept once per boot)")
  void flapping() throws InterruptedException {
    ScenarioOptions o = fast();
    o.cycles = 3;
    play("flapping", "W-08", o);

    List<Map<String, Object>> online = platform.awaitRows(3,
        "SELECT * FROM device_events WHERE device_id = ? AND type = 'ONLINE' ORDER BY seq", "W-08");
    assertEquals(List.of(0L, 1L, 2L), online.stream().map(r -> r.get("seq")).toList());
    platform.awaitRows(1, "SELECT * FROM device_events WHERE device_id = ? AND type = 'OFFLINE'", "W-08");
  }

  @Test
  @DisplayName("bad devices: malformed JSON is kept as a rejected message and nothing of it is stored")
  void badDevice() throws InterruptedException {
    ScenarioContext ctx = new ScenarioContext(runner.byId("W-09"), platform.broker().address(),
        LinkOptions.defaults(), new ScenarioOptions(), HomeLocator.DEFAULT_CENTRE, ZONE, 1, System.out);
    new BadDevice(ctx, "W-10").play(BadKind.MALFORMED_JSON);

    platform.awaitRows(2, "SELECT * FROM rejected_messages WHERE device_id = ?", "W-09");
    assertFalse(platform.rows(TELEMETRY, "W-09").stream().findAny().isPresent());
  }
}
