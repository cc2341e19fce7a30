package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("INACTIVITY, checked on a timer")
class InactivityCheckTest {

  /** 08:00 local time. */
  private static final Instant EIGHT = Instant.parse("2026-11-29T00:00:00Z");
  private final Liveness liveness = new Liveness();
  private final RecordingActions actions = new RecordingActions();
  private final InactivityCheck check = new InactivityCheck(EIGHT.minus(Duration.ofHours(1)));
  private RuleBook book = book(Inputs.defaults());

  private static RuleBook book(ElderRules rules) {
    return new RuleBook(Inputs.SHANGHAI, Map.of(1L, rules), Map.of(1L, 10L), Map.of(10L, List.of(1L)));
  }

  private void homeMotion(Instant at) {
    liveness.observe(Inputs.terminal(RuleInput.TELEMETRY, at, new JsonObject().put("motion", true)));
  }

  private void steps(Instant at, int steps) {
    liveness.observe(Inputs.telemetry(at, new JsonObject().put("steps", steps)));
  }

  private void checkAt(Instant at) {
    check.run(at, liveness, book, actions);
  }

  @Test
  @DisplayName("is raised once by day after 12 h without movement at home or on the wristband")
  void raisedAfterWindow() {
    homeMotion(EIGHT);
    steps(EIGHT, 100);
    checkAt(EIGHT.plus(Duration.ofHours(11)));
    assertTrue(actions.raised.isEmpty());
    checkAt(EIGHT.plus(Duration.ofHours(12).plusMinutes(30)));
    checkAt(EIGHT.plus(Duration.ofHours(12).plusMinutes(31)));
    assertEquals(List.of(AlarmType.INACTIVITY), actions.raisedTypes());
  }

  @Test
  @DisplayName("is not raised for an elder out for a walk: the wristband's steps count as movement")
  void walkIsMovement() {
    homeMotion(EIGHT);
    steps(EIGHT, 100);
    steps(EIGHT.plus(Duration.ofHours(7)), 2400);
    checkAt(EIGHT.plus(Duration.ofHours(12).plusMinutes(30)));
    assertTrue(actions.raised.isEmpty());
  }

  @Test
  @DisplayName("is not raised at night, and records the next movement once on the alarm it raised")
  void nightAndMovement() {
    homeMotion(EIGHT);
    checkAt(EIGHT.plus(Duration.ofHours(14)));
    assertTrue(actions.raised.isEmpty());
    checkAt(EIGHT.plus(Duration.ofHours(24)));
    assertEquals(1, actions.raised.size());
    homeMotion(EIGHT.plus(Duration.ofHours(24).plusMinutes(5)));
    checkAt(EIGHT.plus(Duration.ofHours(24).plusMinutes(10)));
    checkAt(EIGHT.plus(Duration.ofHours(24).plusMinutes(20)));
    assertEquals(1, actions.cleared.size());
    assertEquals(1, actions.raised.size());
  }

  @Test
  @DisplayName("follows the elder's own window")
  void ownWindow() {
    book = book(ElderRules.of(Inputs.SHANGHAI, List.of(), new JsonObject().put("inactivityMinutes", 90), List.of()));
    homeMotion(EIGHT);
    checkAt(EIGHT.plus(Duration.ofMinutes(91)));
    assertEquals(List.of(AlarmType.INACTIVITY), actions.raisedTypes());
  }
}
