package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.RaiseRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * STRAP_OFF: the wristband reports {@code worn: false} (or a STRAP_OFF event) and is still not worn after the
 * elder's set time, by day (taking it off at night is normal). Closes itself when worn again.
 */
public final class StrapOffRule implements Rule {

  private final Map<String, Instant> offSince = new HashMap<>();

  @Override
  public void evaluate(RuleInput in, ElderRules settings, RuleActions actions) {
    Boolean worn = in.isEvent("STRAP_OFF") ? Boolean.FALSE
        : RuleInput.TELEMETRY.equals(in.channel()) ? in.flag("worn") : null;
    if (worn == null) {
      return;
    }
    boolean open = actions.isOpen(in.subject(), AlarmType.STRAP_OFF);
    if (worn) {
      offSince.remove(in.deviceId());
      if (open) {
        actions.clear(ClearRequest.fromMessage(in.subject(), AlarmType.STRAP_OFF, in.source(),
            new JsonObject().put("worn", true)));
      }
      return;
    }
    Instant since = offSince.computeIfAbsent(in.deviceId(), id -> in.ts());
    Duration off = Duration.between(since, in.ts());
    boolean byDay = settings.day().contains(in.ts().atZone(settings.timezone()).toLocalTime());
    if (!open && byDay && off.compareTo(settings.strapOff()) >= 0) {
      actions.raise(RaiseRequest.fromMessage(in.subject(), AlarmType.STRAP_OFF, AlarmType.STRAP_OFF.defaultPriority(),
          in.source(), in.number("lat"), in.number("lon"), new JsonObject().put("offSince", since.toString())
              .put("offMinutes", off.toMinutes())));
    }
  }
}
