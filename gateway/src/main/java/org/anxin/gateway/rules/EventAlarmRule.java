package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.RaiseRequest;

import java.util.Map;

/**
 * Events that are alarms in themselves: SOS and PULL_CORD (SOS), FALL, SMOKE, GAS, WATER_LEAK. Nothing but the event
 * type is looked at, so a skewed clock, an unknown sensor or an extra field never stops one; a repeat becomes an
 * occurrence of the open alarm.
 */
public final class EventAlarmRule implements Rule {

  private static final Map<String, AlarmType> TYPES = Map.of("SOS", AlarmType.SOS, "PULL_CORD", AlarmType.SOS,
      "FALL", AlarmType.FALL, "SMOKE", AlarmType.SMOKE, "GAS", AlarmType.GAS, "WATER_LEAK", AlarmType.WATER_LEAK);

  @Override
  public void evaluate(RuleInput in, ElderRules settings, RuleActions actions) {
    if (!RuleInput.EVENT.equals(in.channel())) {
      return;
    }
    String event = in.fields().getString("type");
    AlarmType type = event == null ? null : TYPES.get(event);
    if (type == null) {
      return;
    }
    JsonObject details = new JsonObject().put("event", event).put("sensor", in.fields().getValue("sensor"))
        .put("acc", in.number("acc"));
    actions.raise(RaiseRequest.fromMessage(in.subject(), type, type.defaultPriority(), in.source(), in.number("lat"),
        in.number("lon"), details));
  }
}
