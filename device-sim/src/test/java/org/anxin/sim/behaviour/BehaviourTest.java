package org.anxin.sim.behaviour;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Simulated people live a believable, repeatable day")
class BehaviourTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final GeoPoint HOME = new GeoPoint(30.27, 120.15);
  private static final ZonedDateTime MIDNIGHT = ZonedDateTime.of(2026, 11, 29, 0, 0, 0, 0, ZONE);

  /** One reading every {@code minutes} for a day. */
  private static List<JsonObject> day(long seed, int minutes) {
    WristbandBehaviour person = new WristbandBehaviour(HOME, new Random(seed));
    List<JsonObject> readings = new ArrayList<>();
    for (int m = 0; m < 24 * 60; m += minutes) {
      readings.add(person.next(MIDNIGHT.plusMinutes(m)));
    }
    return readings;
  }

  @Test
  @DisplayName("the same seed gives the same day, another seed another day")
  void deterministic() {
    assertEquals(day(5, 10), day(5, 10));
    assertFalse(day(5, 10).equals(day(6, 10)));
  }

  @Test
  @DisplayName("the strap is off at night and on by day, and the battery charges at night and drains by day")
  void nightAndDay() {
    List<JsonObject> readings = day(1, 10);
    JsonObject threeAm = readings.get(3 * 6);
    JsonObject elevenAm = readings.get(11 * 6);
    assertFalse(threeAm.getBoolean("worn"));
    assertTrue(elevenAm.getBoolean("worn"));
    assertTrue(readings.get(5 * 6).getInteger("bat") > readings.get(1).getInteger("bat"), "charged at night");
    assertTrue(readings.get(20 * 6).getInteger("bat") < readings.get(8 * 6).getInteger("bat"), "drained by day");
  }

  @Test
  @DisplayName("walks take the person out of the house, faster heart and many steps; nights stay home")
  void walks() {
    List<JsonObject> readings = day(3, 5);
    double farthest = 0;
    int maxHr = 0;
    int restingHr = Integer.MAX_VALUE;
    for (JsonObject r : readings) {
      farthest = Math.max(farthest, HOME.distanceTo(new GeoPoint(r.getDouble("lat"), r.getDouble("lon")))
          - r.getDouble("acc"));
      if (r.containsKey("hr")) {
        maxHr = Math.max(maxHr, r.getInteger("hr"));
        restingHr = Math.min(restingHr, r.getInteger("hr"));
      }
    }
    assertTrue(farthest > 100 && farthest < 3000, "farthest " + farthest);
    assertTrue(maxHr - restingHr > 15, "walking raises the heart rate: " + restingHr + ".." + maxHr);
    assertTrue(readings.get(readings.size() - 1).getInteger("steps") > 2000, "steps by evening");
  }

  @Test
  @DisplayName("steps count from midnight")
  void stepsResetAtMidnight() {
    WristbandBehaviour person = new WristbandBehaviour(HOME, new Random(1));
    for (int m = 0; m <= 23 * 60; m += 10) {
      person.next(MIDNIGHT.plusMinutes(m));
    }
    assertTrue(person.next(MIDNIGHT.plusHours(23).plusMinutes(50)).getInteger("steps") > 0);
    assertEquals(0, person.next(MIDNIGHT.plusDays(1).plusMinutes(5)).getInteger("steps"));
  }

  @Test
  @DisplayName("the home terminal sees the door open and close around walks and little motion at night")
  void homeTerminal() {
    TerminalBehaviour home = new TerminalBehaviour(new Random(2));
    List<String> events = new ArrayList<>();
    int nightMotion = 0;
    int dayMotion = 0;
    for (int m = 0; m < 24 * 60; m += 5) {
      TerminalBehaviour.Tick tick = home.next(MIDNIGHT.plusMinutes(m));
      tick.events().forEach(e -> events.add(e.getString("type")));
      boolean motion = tick.telemetry().getBoolean("motion");
      if (m < 5 * 60) {
        nightMotion += motion ? 1 : 0;
      } else if (m > 12 * 60 && m < 15 * 60) {
        dayMotion += motion ? 1 : 0;
      }
    }
    assertTrue(events.contains("DOOR_OPEN") && events.contains("DOOR_CLOSE") && events.contains("BED_EXIT"),
        events.toString());
    assertTrue(dayMotion > nightMotion, "day " + dayMotion + " night " + nightMotion);
  }

  @Test
  @DisplayName("homes are drawn near the county centre, the same for a device every time, unless hinted")
  void homes() {
    HomeLocator homes = new HomeLocator(HOME, 15_000, 9, java.util.Map.of("7", new GeoPoint(31, 121)));
    assertEquals(homes.homeOf("W-01", 1L), homes.homeOf("W-01", 1L));
    assertTrue(HOME.distanceTo(homes.homeOf("W-01", 1L)) < 15_001);
    assertEquals(new GeoPoint(31, 121), homes.homeOf("W-02", 7L));
  }
}
