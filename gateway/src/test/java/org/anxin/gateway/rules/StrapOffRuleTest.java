package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("STRAP_OFF")
class StrapOffRuleTest {

  private final StrapOffRule rule = new StrapOffRule();
  private final RecordingActions actions = new RecordingActions();

  private void worn(boolean worn, Instant at) {
    rule.evaluate(Inputs.telemetry(at, new JsonObject().put("worn", worn)), Inputs.defaults(), actions);
  }

  @Test
  @DisplayName("is raised by day once the band has been off for 30 minutes, and closes itself when worn again")
  void raisedByDay() {
    worn(false, Inputs.MORNING);
    worn(false, Inputs.MORNING.plusSeconds(29 * 60));
    assertTrue(actions.raised.isEmpty());
    worn(false, Inputs.MORNING.plusSeconds(30 * 60));
    worn(false, Inputs.MORNING.plusSeconds(31 * 60));
    assertEquals(List.of(AlarmType.STRAP_OFF), actions.raisedTypes());
    worn(true, Inputs.MORNING.plusSeconds(40 * 60));
    assertEquals(1, actions.cleared.size());
  }

  @Test
  @DisplayName("is not raised for a band taken off at night")
  void notAtNight() {
    worn(false, Inputs.NIGHT);
    worn(false, Inputs.NIGHT.plusSeconds(3600));
    assertTrue(actions.raised.isEmpty());
  }
}
