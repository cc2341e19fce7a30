package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.RaiseRequest;

/**
 * LOW_BATTERY: {@code bat} at or below the elder's threshold (15 %) on telemetry or status; closes itself once the
 * battery is charged past {@code chargedPct}, so a level wavering around the threshold raises it once.
 */
public final class LowBatteryRule implements Rule {

  @Override
  public void evaluate(RuleInput in, ElderRules settings, RuleActions actions) {
    Double bat = RuleInput.EVENT.equals(in.channel()) ? null : in.number("bat");
    if (bat == null) {
      return;
    }
    boolean open = actions.isOpen(in.subject(), AlarmType.LOW_BATTERY);
    JsonObject details = new JsonObject().put("bat", bat.intValue()).put("device", in.deviceId());
    if (!open && bat <= settings.lowBatteryPct()) {
      actions.raise(RaiseRequest.fromMessage(in.subject(), AlarmType.LOW_BATTERY,
          AlarmType.LOW_BATTERY.defaultPriority(), in.source(), null, null, details));
    } else if (open && bat >= settings.chargedPct()) {
      actions.clear(ClearRequest.fromMessage(in.subject(), AlarmType.LOW_BATTERY, in.source(), details));
    }
  }
}
