package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("NIGHT_DOOR")
class NightDoorRuleTest {

  private final NightDoorRule rule = new NightDoorRule();
  private final RecordingActions actions = new RecordingActions();
  private final ElderRules dementia = ElderRules.of(Inputs.SHANGHAI, List.of("DEMENTIA"), null, List.of());

  @Test
  @DisplayName("is raised when a dementia elder's door opens at 23:30 local time")
  void raisedAtNight() {
    rule.evaluate(Inputs.event("DOOR_OPEN", Inputs.NIGHT), dementia, actions);
    assertEquals(List.of(AlarmType.NIGHT_DOOR), actions.raisedTypes());
  }

  @Test
  @DisplayName("is not raised by day, nor at night for an elder who does not have it on")
  void notByDayNorWhenOff() {
    rule.evaluate(Inputs.event("DOOR_OPEN", Inputs.MORNING), dementia, actions);
    rule.evaluate(Inputs.event("DOOR_OPEN", Inputs.NIGHT), Inputs.defaults(), actions);
    assertTrue(actions.raised.isEmpty());
  }

  @Test
  @DisplayName("follows the elder's own night window")
  void ownWindow() {
    // GIVEN an elder whose night starts at 20:00 and the door opening at 20:30 local
    ElderRules early = ElderRules.of(Inputs.SHANGHAI, List.of(), new JsonObject().put("nightDoor", true)
        .put("night", "20:00-05:00"), List.of());
    rule.evaluate(Inputs.event("DOOR_OPEN", Inputs.NIGHT.minusSeconds(3 * 3600)), early, actions);
    assertEquals(List.of(AlarmType.NIGHT_DOOR), actions.raisedTypes());
  }
}
