package org.anxin.gateway.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.RaiseRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DEVICE_OFFLINE and AREA_OUTAGE, on a timer over {@link Liveness}. A device is silent after a Last Will (or
 * {@code online: false}) older than a grace period, or after nothing for {@code intervals} reporting intervals. Its
 * alarm closes itself only once the device has been back for {@code stableFor}, so a device that flaps keeps one
 * open alarm. When at least {@code outageMinDevices} devices and {@code outageFraction} of a village (or, with no
 * village, a township) are silent together, one AREA_OUTAGE is raised for the area instead of an alarm per device;
 * it closes itself when fewer than half that fraction are still silent. A device's own alarm waits until it has
 * been silent for {@code outageWindow}, so that devices of a cut area, which fall silent over a few seconds, are
 * counted together first.
 */
public final class OfflineCheck {

  /** The check's thresholds. */
  public record Limits(int intervals, Duration willGrace, Duration stableFor, int outageMinDevices,
                       double outageFraction, Duration outageWindow) {
  }

  private final Limits limits;
  private final Map<String, Instant> flagged = new HashMap<>();
  private final Map<String, Instant> backSince = new HashMap<>();
  private final Map<String, Instant> silentSince = new HashMap<>();
  private final Map<String, Outage> outages = new HashMap<>();

  private record Outage(Instant since, AlarmSubject subject) {
  }

  public OfflineCheck(Limits limits) {
    this.limits = limits;
  }

  public void run(Instant now, Liveness liveness, RuleActions actions) {
    Map<String, List<Liveness.Device>> silentByArea = new HashMap<>();
    Map<String, Integer> totalByArea = new HashMap<>();
    List<Liveness.Device> silent = new ArrayList<>();
    for (Liveness.Device d : liveness.devices()) {
      totalByArea.merge(area(d), 1, Integer::sum);
      if (isSilent(d, now)) {
        silent.add(d);
        silentSince.putIfAbsent(d.id, now);
        silentByArea.computeIfAbsent(area(d), a -> new ArrayList<>()).add(d);
      } else {
        silentSince.remove(d.id);
        recoverIfStable(d, now, actions);
      }
    }
    totalByArea.forEach((area, total) -> judgeArea(area, total, silentByArea.getOrDefault(area, List.of()), now,
        actions));
    for (Liveness.Device d : silent) {
      backSince.remove(d.id);
      boolean waited = !silentSince.get(d.id).plus(limits.outageWindow()).isAfter(now);
      if (waited && !flagged.containsKey(d.id) && !outages.containsKey(area(d))) {
        raiseOffline(d, now, actions);
      }
    }
  }

  private boolean isSilent(Liveness.Device d, Instant now) {
    if (d.offlineAt != null) {
      return !d.offlineAt.plus(limits.willGrace()).isAfter(now);
    }
    return d.lastSeen != null && d.lastSeen.plusSeconds((long) limits.intervals() * d.intervalS).isBefore(now);
  }

  private void raiseOffline(Liveness.Device d, Instant now, RuleActions actions) {
    flagged.put(d.id, now);
    AlarmSubject subject = subject(d);
    if (actions.isOpen(subject, AlarmType.DEVICE_OFFLINE)) {
      return;
    }
    Instant since = d.offlineAt != null ? d.offlineAt : d.lastSeen;
    JsonObject details = new JsonObject().put("device", d.id).put("lastSeen", String.valueOf(d.lastSeen))
        .put("lastWill", d.offlineAt != null).put("intervalS", d.intervalS);
    actions.raise(new RaiseRequest("DEVICE_OFFLINE|" + d.id + "|" + since.toEpochMilli(), subject,
        AlarmType.DEVICE_OFFLINE, AlarmType.DEVICE_OFFLINE.defaultPriority(), null, now, null, null, details));
  }

  private void recoverIfStable(Liveness.Device d, Instant now, RuleActions actions) {
    if (!flagged.containsKey(d.id)) {
      return;
    }
    Instant back = backSince.computeIfAbsent(d.id, id -> now);
    if (Duration.between(back, now).compareTo(limits.stableFor()) >= 0) {
      flagged.remove(d.id);
      backSince.remove(d.id);
      actions.clear(new ClearRequest("DEVICE_OFFLINE|" + d.id + "|back|" + back.toEpochMilli(), subject(d),
          AlarmType.DEVICE_OFFLINE, null, now, new JsonObject().put("device", d.id).put("backSince",
          back.toString())));
    }
  }

  private void judgeArea(String area, int total, List<Liveness.Device> silent, Instant now, RuleActions actions) {
    if (area == null) {
      return;
    }
    double fraction = (double) silent.size() / total;
    boolean out = silent.size() >= limits.outageMinDevices() && fraction >= limits.outageFraction();
    Outage outage = outages.get(area);
    if (outage == null && out) {
      Liveness.Device first = silent.get(0);
      outage = new Outage(now, new AlarmSubject(null, null, null, first.villageId, first.townshipId));
      outages.put(area, outage);
      JsonArray ids = new JsonArray();
      silent.forEach(d -> ids.add(d.id));
      actions.raise(new RaiseRequest("AREA_OUTAGE|" + area + "|" + now.toEpochMilli(), outage.subject(),
          AlarmType.AREA_OUTAGE, AlarmType.AREA_OUTAGE.defaultPriority(), null, now, null, null,
          new JsonObject().put("silent", silent.size()).put("devices", total).put("deviceIds", ids)));
    } else if (outage != null && fraction < limits.outageFraction() / 2) {
      outages.remove(area);
      actions.clear(new ClearRequest("AREA_OUTAGE|" + area + "|" + outage.since().toEpochMilli() + "|over",
          outage.subject(), AlarmType.AREA_OUTAGE, null, now,
          new JsonObject().put("silent", silent.size()).put("devices", total)));
    }
  }

  private static String area(Liveness.Device d) {
    if (d.villageId != null) {
      return "village:" + d.villageId;
    }
    return d.townshipId != null ? "township:" + d.townshipId : null;
  }

  private static AlarmSubject subject(Liveness.Device d) {
    return new AlarmSubject(d.elderId, d.householdId, d.id, d.villageId, d.townshipId);
  }
}
