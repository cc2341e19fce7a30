package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("FENCE_EXIT")
class FenceRuleTest {

  private static final double LAT = 31.2;
  private static final double LON = 121.4;
  private static final double METRES_PER_DEGREE = 111_195;
  private final FenceRule rule = new FenceRule();
  private final RecordingActions actions = new RecordingActions();
  private ElderRules settings = ElderRules.of(Inputs.SHANGHAI, List.of("DEMENTIA"), null,
      List.of(SafeZone.circle(1, "home", LAT, LON, 500, null)));
  private int minute;

  /** A fix {@code northM} metres north of home with the given accuracy, one minute after the previous one. */
  private void fix(double northM, double acc) {
    fixAt(Inputs.MORNING.plusSeconds(60L * minute++), northM, acc);
  }

  private void fixAt(Instant at, double northM, double acc) {
    rule.evaluate(Inputs.telemetry(at, new JsonObject().put("lat", LAT + northM / METRES_PER_DEGREE).put("lon", LON)
        .put("acc", acc)), settings, actions);
  }

  @Test
  @DisplayName("is not raised by a single bad fix whose accuracy circle overlaps the boundary")
  void singleBadFix() {
    fix(100, 20);
    fix(600, 300);
    fix(100, 20);
    assertTrue(actions.raised.isEmpty());
  }

  @Test
  @DisplayName("is raised by two consecutive fixes outside, at priority 1 for dementia, asking for fast fixes")
  void twoConsecutiveOutside() {
    fix(100, 20);
    fix(600, 300);
    assertTrue(actions.raised.isEmpty());
    fix(650, 300);
    assertEquals(List.of(AlarmType.FENCE_EXIT), actions.raisedTypes());
    assertEquals(1, actions.raised.get(0).priority());
    assertEquals(2, actions.raised.get(0).details().getJsonArray("track").size());
    assertEquals("set_interval", actions.commands.get(0).name());
    assertEquals(30, actions.commands.get(0).args().getInteger("interval"));
  }

  @Test
  @DisplayName("is raised at once by one fix clearly outside")
  void clearlyOutside() {
    fix(1200, 20);
    assertEquals(List.of(AlarmType.FENCE_EXIT), actions.raisedTypes());
  }

  @Test
  @DisplayName("records the return with the track since leaving and restores the old interval, raising nothing new")
  void recordsReturn() {
    fix(1200, 20);
    fix(1300, 20);
    fix(900, 20);
    fix(100, 20);
    assertEquals(1, actions.raised.size());
    assertEquals(1, actions.cleared.size());
    assertEquals(4, actions.cleared.get(0).details().getJsonArray("track").size());
    assertEquals(60, actions.commands.get(1).args().getInteger("interval"));
    fix(120, 20);
    assertEquals(1, actions.cleared.size());
  }

  @Test
  @DisplayName("does not judge fixes outside the zone's time window")
  void timeWindow() {
    settings = ElderRules.of(Inputs.SHANGHAI, List.of(), null,
        List.of(SafeZone.circle(1, "night", LAT, LON, 500, LocalWindow.parse("20:00", "06:00"))));
    fix(2000, 20);
    assertTrue(actions.raised.isEmpty());
    fixAt(Inputs.NIGHT, 2000, 20);
    assertEquals(List.of(AlarmType.FENCE_EXIT), actions.raisedTypes());
    assertEquals(2, actions.raised.get(0).priority());
  }

  @Test
  @DisplayName("judges a polygon zone: inside raises nothing, clearly outside raises")
  void polygon() {
    double d = 500 / METRES_PER_DEGREE;
    settings = ElderRules.of(Inputs.SHANGHAI, List.of(), null, List.of(SafeZone.polygon(2, "block", List.of(
        new double[] {LAT - d, LON - d}, new double[] {LAT - d, LON + d}, new double[] {LAT + d, LON + d},
        new double[] {LAT + d, LON - d}), null)));
    fix(300, 20);
    fix(-300, 20);
    assertTrue(actions.raised.isEmpty());
    fix(900, 20);
    assertEquals(List.of(AlarmType.FENCE_EXIT), actions.raisedTypes());
  }

  @Test
  @DisplayName("after a restart with the alarm still open, takes the elder as away and records the return")
  void resumesAfterRestart() {
    actions.open.add("elder:1|FENCE_EXIT");
    fix(1500, 20);
    assertTrue(actions.raised.isEmpty());
    fix(0, 20);
    assertEquals(1, actions.cleared.size());
  }
}
