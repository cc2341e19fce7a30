package org.anxin.gateway.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.RaiseRequest;

import java.util.HashMap;
import java.util.Map;

/**
 * HEART_RATE: {@code hr} outside the elder's range on consecutive readings (one odd reading, a loose strap, raises
 * nothing). Raised once per run of readings out of range; a reading in range starts the count again.
 */
public final class HeartRateRule implements Rule {

  private final Map<String, JsonArray> runs = new HashMap<>();

  @Override
  public void evaluate(RuleInput in, ElderRules settings, RuleActions actions) {
    Double hr = RuleInput.TELEMETRY.equals(in.channel()) ? in.number("hr") : null;
    if (hr == null) {
      return;
    }
    if (hr >= settings.hrMin() && hr <= settings.hrMax()) {
      runs.remove(in.deviceId());
      return;
    }
    JsonArray run = runs.computeIfAbsent(in.deviceId(), id -> new JsonArray());
    run.add(hr.intValue());
    if (run.size() == settings.hrConsecutive()) {
      JsonObject details = new JsonObject().put("readings", run.copy()).put("min", settings.hrMin())
          .put("max", settings.hrMax());
      actions.raise(RaiseRequest.fromMessage(in.subject(), AlarmType.HEART_RATE,
          AlarmType.HEART_RATE.defaultPriority(), in.source(), in.number("lat"), in.number("lon"), details));
    }
  }
}
