package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("HEART_RATE")
class HeartRateRuleTest {

  private final HeartRateRule rule = new HeartRateRule();
  private final RecordingActions actions = new RecordingActions();

  private void hr(int value, int minute) {
    rule.evaluate(Inputs.telemetry(Inputs.MORNING.plusSeconds(60L * minute), new JsonObject().put("hr", value)),
        Inputs.defaults(), actions);
  }

  @Test
  @DisplayName("is raised once after three consecutive readings out of range")
  void consecutive() {
    hr(150, 0);
    hr(155, 1);
    hr(160, 2);
    hr(162, 3);
    assertEquals(List.of(AlarmType.HEART_RATE), actions.raisedTypes());
    assertEquals(3, actions.raised.get(0).details().getJsonArray("readings").size());
  }

  @Test
  @DisplayName("is not raised by out-of-range readings broken by a normal one")
  void brokenRun() {
    hr(30, 0);
    hr(31, 1);
    hr(70, 2);
    hr(32, 3);
    assertTrue(actions.raised.isEmpty());
  }
}
