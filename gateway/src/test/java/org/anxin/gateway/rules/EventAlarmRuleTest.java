package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Alarm events: SOS, PULL_CORD, FALL, SMOKE, GAS, WATER_LEAK")
class EventAlarmRuleTest {

  private final EventAlarmRule rule = new EventAlarmRule();
  private final RecordingActions actions = new RecordingActions();

  @Test
  @DisplayName("raise their alarm at the default priority, PULL_CORD as an SOS")
  void raiseEachType() {
    // GIVEN one event of each alarm type
    for (String type : List.of("SOS", "PULL_CORD", "FALL", "SMOKE", "GAS", "WATER_LEAK")) {
      rule.evaluate(Inputs.event(type, Inputs.MORNING), Inputs.defaults(), actions);
    }
    // THEN each raised its alarm
    assertEquals(List.of(AlarmType.SOS, AlarmType.SOS, AlarmType.FALL, AlarmType.SMOKE, AlarmType.GAS,
        AlarmType.WATER_LEAK), actions.raisedTypes());
    assertEquals(1, actions.raised.get(0).priority());
    assertEquals(2, actions.raised.get(5).priority());
  }

  @Test
  @DisplayName("raise an SOS with an unknown sensor, extra fields and a position, keyed by the message")
  void neverDropped() {
    // GIVEN an SOS from a sensor nobody registered, with fields the protocol does not know
    RuleInput sos = Inputs.terminal(RuleInput.EVENT, Inputs.MORNING, new JsonObject().put("type", "SOS")
        .put("sensor", "no-such-sensor").put("firmwareExtra", new JsonObject().put("x", 1)).put("lat", 31.2)
        .put("lon", 121.4));
    // WHEN the rule sees it
    rule.evaluate(sos, Inputs.defaults(), actions);
    // THEN the SOS is raised with the position and the message identity
    assertEquals(1, actions.raised.size());
    assertEquals(31.2, actions.raised.get(0).lat());
    assertEquals("ht-1|b1|" + sos.seq() + "|SOS", actions.raised.get(0).key());
  }

  @Test
  @DisplayName("raise a repeated SOS again with its own key, which the raising code turns into an occurrence")
  void repeatedSos() {
    // GIVEN two SOS presses
    rule.evaluate(Inputs.event("SOS", Inputs.MORNING), Inputs.defaults(), actions);
    rule.evaluate(Inputs.event("SOS", Inputs.MORNING.plusSeconds(5)), Inputs.defaults(), actions);
    // THEN both go to the raising code, with distinct keys and the same subject
    assertEquals(2, actions.raised.size());
    assertNotEquals(actions.raised.get(0).key(), actions.raised.get(1).key());
    assertEquals(actions.raised.get(0).subject(), actions.raised.get(1).subject());
  }

  @Test
  @DisplayName("ignore events that are not alarms and telemetry")
  void ignoreOthers() {
    rule.evaluate(Inputs.event("DOOR_CLOSE", Inputs.MORNING), Inputs.defaults(), actions);
    rule.evaluate(Inputs.telemetry(Inputs.MORNING, new JsonObject().put("type", "SOS")), Inputs.defaults(), actions);
    assertTrue(actions.raised.isEmpty());
  }
}
