package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("DEVICE_OFFLINE and AREA_OUTAGE, checked on a timer")
class OfflineCheckTest {

  private static final Instant T = Inputs.MORNING;
  private final Liveness liveness = new Liveness();
  private final RecordingActions actions = new RecordingActions();
  private final OfflineCheck check = new OfflineCheck(new OfflineCheck.Limits(3, Duration.ofSeconds(60),
      Duration.ofMinutes(5), 5, 0.5, Duration.ZERO));

  private void heard(String device, long householdId, Instant at) {
    liveness.observe(Inputs.of(device, null, householdId, RuleInput.TELEMETRY, at, new JsonObject().put("bat", 80)));
  }

  private void lastWill(String device, Instant at) {
    liveness.observe(Inputs.of(device, null, 10L, RuleInput.STATUS, at, new JsonObject().put("online", false)
        .put("lastWill", true)));
  }

  @Test
  @DisplayName("is raised after three silent reporting intervals, not before")
  void silence() {
    heard("ht-1", 10, T);
    check.run(T.plusSeconds(179), liveness, actions);
    assertTrue(actions.raised.isEmpty());
    check.run(T.plusSeconds(181), liveness, actions);
    assertEquals(List.of(AlarmType.DEVICE_OFFLINE), actions.raisedTypes());
  }

  @Test
  @DisplayName("is raised by a Last Will once its grace has passed, and closes when the device is back for good")
  void lastWillAndBack() {
    heard("ht-1", 10, T);
    lastWill("ht-1", T.plusSeconds(10));
    check.run(T.plusSeconds(30), liveness, actions);
    assertTrue(actions.raised.isEmpty());
    check.run(T.plusSeconds(71), liveness, actions);
    assertEquals(1, actions.raised.size());
    heard("ht-1", 10, T.plusSeconds(100));
    check.run(T.plusSeconds(110), liveness, actions);
    heard("ht-1", 10, T.plusSeconds(400));
    check.run(T.plusSeconds(411), liveness, actions);
    assertEquals(1, actions.cleared.size());
  }

  @Test
  @DisplayName("keeps one open alarm for a device that flaps, whatever the number of drops")
  void flapping() {
    Instant t = T;
    for (int i = 0; i < 20; i++) {
      heard("ht-1", 10, t);
      check.run(t.plusSeconds(5), liveness, actions);
      lastWill("ht-1", t.plusSeconds(10));
      check.run(t.plusSeconds(80), liveness, actions);
      t = t.plusSeconds(120);
    }
    assertEquals(1, actions.raised.size());
    assertTrue(actions.cleared.isEmpty());
  }

  @Test
  @DisplayName("holds a device's own alarm back for the outage window, so devices of a cut village falling silent a "
      + "few seconds apart make one AREA_OUTAGE")
  void outageWindow() {
    OfflineCheck patient = new OfflineCheck(new OfflineCheck.Limits(3, Duration.ofSeconds(60), Duration.ofMinutes(5),
        5, 0.5, Duration.ofSeconds(60)));
    for (int i = 0; i < 6; i++) {
      heard("ht-" + i, 10 + i, T.plusSeconds(5L * i));
    }
    for (int s = 181; s <= 240; s += 5) {
      patient.run(T.plusSeconds(s), liveness, actions);
    }
    assertEquals(List.of(AlarmType.AREA_OUTAGE), actions.raisedTypes());
  }

  @Test
  @DisplayName("raises one AREA_OUTAGE instead of a storm of DEVICE_OFFLINE when a village goes silent together")
  void areaOutage() {
    for (int i = 0; i < 8; i++) {
      heard("ht-" + i, 10 + i, T);
    }
    for (int i = 0; i < 2; i++) {
      heard("ht-" + i, 10 + i, T.plusSeconds(200));
    }
    check.run(T.plusSeconds(200), liveness, actions);
    assertEquals(List.of(AlarmType.AREA_OUTAGE), actions.raisedTypes());
    assertEquals(100L, actions.raised.get(0).subject().villageId());
    // WHEN all but one come back THEN the outage closes and the one still silent gets its own alarm
    for (int i = 0; i < 7; i++) {
      heard("ht-" + i, 10 + i, T.plusSeconds(400));
    }
    check.run(T.plusSeconds(400), liveness, actions);
    assertEquals(1, actions.cleared.size());
    assertEquals(AlarmType.AREA_OUTAGE, actions.cleared.get(0).type());
    assertEquals(List.of(AlarmType.AREA_OUTAGE, AlarmType.DEVICE_OFFLINE), actions.raisedTypes());
  }
}
