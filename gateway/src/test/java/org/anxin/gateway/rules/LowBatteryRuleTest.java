package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("LOW_BATTERY")
class LowBatteryRuleTest {

  private final LowBatteryRule rule = new LowBatteryRule();
  private final RecordingActions actions = new RecordingActions();

  private void bat(String channel, int value) {
    rule.evaluate(Inputs.wristband(channel, Inputs.MORNING, new JsonObject().put("bat", value)), Inputs.defaults(),
        actions);
  }

  @Test
  @DisplayName("is raised once at 15 % however often the level wavers, and closes itself when charged")
  void raisedOnceThenCleared() {
    bat(RuleInput.TELEMETRY, 16);
    bat(RuleInput.TELEMETRY, 15);
    bat(RuleInput.STATUS, 16);
    bat(RuleInput.TELEMETRY, 14);
    assertEquals(List.of(AlarmType.LOW_BATTERY), actions.raisedTypes());
    bat(RuleInput.TELEMETRY, 80);
    assertEquals(1, actions.cleared.size());
    assertTrue(actions.open.isEmpty());
  }
}
