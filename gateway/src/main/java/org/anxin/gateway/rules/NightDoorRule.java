package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.RaiseRequest;

import java.time.LocalTime;

/** NIGHT_DOOR: a door opened inside the elder's night window, for elders who have it on (dementia by default). */
public final class NightDoorRule implements Rule {

  @Override
  public void evaluate(RuleInput in, ElderRules settings, RuleActions actions) {
    if (!in.isEvent("DOOR_OPEN") || !settings.nightDoor()) {
      return;
    }
    LocalTime local = in.ts().atZone(settings.timezone()).toLocalTime();
    if (!settings.night().contains(local)) {
      return;
    }
    JsonObject details = new JsonObject().put("sensor", in.fields().getValue("sensor")).put("localTime",
        local.toString()).put("night", settings.night().toString());
    actions.raise(RaiseRequest.fromMessage(in.subject(), AlarmType.NIGHT_DOOR, AlarmType.NIGHT_DOOR.defaultPriority(),
        in.source(), null, null, details));
  }
}
