package org.anxin.gateway.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.DeviceCommand;
import org.anxin.infra.alarm.RaiseRequest;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FENCE_EXIT: a wristband fix outside every active safe zone of the elder, judged with the fix's accuracy. A fix
 * whose accuracy circle overlaps the boundary does not raise it alone; {@code fenceConfirmFixes} consecutive fixes
 * outside do, and so does one fix clearly outside. Once raised, the wristband is asked for a fix every
 * {@code fenceFastIntervalS} and the alarm carries the track since it left; the return (clearly inside, or
 * confirmed by consecutive fixes) is recorded with the whole track and the old interval restored.
 */
public final class FenceRule implements Rule {

  /** The accuracy assumed for a fix that does not say (a cell-tower fix is often that coarse). */
  static final double UNKNOWN_ACCURACY_M = 100;
  private static final int MAX_TRACK = 500;

  private static final class Watch {
    int outsideRun;
    int insideRun;
    boolean away;
    int normalInterval;
    final JsonArray track = new JsonArray();
  }

  private final Map<String, Watch> watches = new HashMap<>();

  @Override
  public void evaluate(RuleInput in, ElderRules settings, RuleActions actions) {
    if (!RuleInput.TELEMETRY.equals(in.channel()) || !in.hasFix() || in.elderId() == null) {
      return;
    }
    LocalTime local = in.ts().atZone(settings.timezone()).toLocalTime();
    List<SafeZone> active = settings.zones().stream()
        .filter(z -> z.active() == null || z.active().contains(local)).toList();
    if (active.isEmpty()) {
      return;
    }
    double lat = in.number("lat");
    double lon = in.number("lon");
    double acc = in.number("acc") == null ? UNKNOWN_ACCURACY_M : in.number("acc");
    double distance = active.stream().mapToDouble(z -> z.signedDistanceM(lat, lon)).min().orElseThrow();
    Watch w = watches.computeIfAbsent(in.deviceId(), id -> resumed(in, actions));
    count(w, distance, in, lat, lon, acc);
    if (!w.away && distance > 0 && (distance - acc > 0 || w.outsideRun >= settings.fenceConfirmFixes())) {
      leave(w, in, settings, lat, lon, distance, actions);
    } else if (w.away && distance < 0 && (-distance - acc >= 0 || w.insideRun >= settings.fenceConfirmFixes())) {
      back(w, in, actions);
    }
  }

  /** A new watch; after a restart with the alarm still open, the elder is taken to be away already. */
  private static Watch resumed(RuleInput in, RuleActions actions) {
    Watch w = new Watch();
    w.away = actions.isOpen(in.subject(), AlarmType.FENCE_EXIT);
    w.normalInterval = in.reportIntervalS();
    return w;
  }

  private static void count(Watch w, double distance, RuleInput in, double lat, double lon, double acc) {
    if (distance > 0) {
      w.outsideRun++;
      w.insideRun = 0;
    } else {
      w.insideRun++;
      w.outsideRun = 0;
      if (!w.away) {
        w.track.clear();
      }
    }
    if ((distance > 0 || w.away) && w.track.size() < MAX_TRACK) {
      w.track.add(new JsonObject().put("ts", in.ts().toEpochMilli()).put("lat", lat).put("lon", lon).put("acc", acc));
    }
  }

  private void leave(Watch w, RuleInput in, ElderRules settings, double lat, double lon, double distance,
                     RuleActions actions) {
    w.away = true;
    w.normalInterval = in.reportIntervalS();
    JsonObject details = new JsonObject().put("distanceM", Math.round(distance)).put("track", w.track.copy());
    actions.raise(RaiseRequest.fromMessage(in.subject(), AlarmType.FENCE_EXIT, settings.fencePriority(), in.source(),
        lat, lon, details));
    actions.command(setInterval(in, settings.fenceFastIntervalS()));
  }

  private void back(Watch w, RuleInput in, RuleActions actions) {
    JsonObject details = new JsonObject().put("returnedAt", in.ts().toString()).put("track", w.track.copy());
    actions.clear(ClearRequest.fromMessage(in.subject(), AlarmType.FENCE_EXIT, in.source(), details));
    actions.command(setInterval(in, w.normalInterval));
    w.away = false;
    w.outsideRun = 0;
    w.track.clear();
  }

  private static DeviceCommand setInterval(RuleInput in, int seconds) {
    return new DeviceCommand(in.deviceId(), "fence-" + in.ts().toEpochMilli(), "set_interval",
        new JsonObject().put("interval", seconds));
  }
}
