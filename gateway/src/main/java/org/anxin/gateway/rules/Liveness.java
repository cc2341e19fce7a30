package org.anxin.gateway.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The latest state the timer checks read: when each device was last heard from and whether it said goodbye (a Last
 * Will or {@code online: false}), and when each elder and household last showed movement (motion, new steps, a
 * door, getting out of bed), and each elder's last known position. Fed with every device message on the event
 * loop; seeded from the stored device state on start.
 */
public final class Liveness {

  private static final Set<String> MOVEMENT_EVENTS = Set.of("DOOR_OPEN", "DOOR_CLOSE", "BED_EXIT", "PULL_CORD",
      "SOS", "FALL");

  /** One device as the silence check sees it. */
  public static final class Device {
    final String id;
    Long elderId;
    Long householdId;
    Long villageId;
    Long townshipId;
    int intervalS;
    Instant lastSeen;
    Instant offlineAt;
    Integer steps;

    Device(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  private final Map<String, Device> devices = new HashMap<>();
  private final Map<Long, Instant> elderMoved = new HashMap<>();
  private final Map<Long, Instant> householdMoved = new HashMap<>();
  private final Map<Long, Fix> fixes = new HashMap<>();

  /** A position and when it was measured. */
  public record Fix(double lat, double lon, Instant at) {
  }

  public void observe(RuleInput in) {
    Device d = device(in.deviceId(), in.elderId(), in.householdId(), in.villageId(), in.townshipId());
    Double interval = in.number("interval");
    d.intervalS = interval != null ? interval.intValue() : Math.max(d.intervalS, in.reportIntervalS());
    boolean goodbye = RuleInput.STATUS.equals(in.channel()) && Boolean.FALSE.equals(in.flag("online"));
    if (goodbye) {
      d.offlineAt = in.arrivedAt();
      return;
    }
    d.offlineAt = null;
    d.lastSeen = later(d.lastSeen, in.arrivedAt());
    if (in.elderId() != null && in.hasFix()) {
      fixedAt(in.elderId(), new Fix(in.number("lat"), in.number("lon"), in.ts()));
    }
    if (moved(d, in)) {
      movedAt(in.elderId(), in.householdId(), in.ts());
    }
  }

  /** Restores one device from the stored state after a restart. */
  public void seed(StoredDevice s) {
    Device d = device(s.deviceId(), s.elderId(), s.householdId(), s.villageId(), s.townshipId());
    d.intervalS = s.intervalS();
    d.lastSeen = later(d.lastSeen, s.lastSeen());
    d.offlineAt = s.online() || s.lastSeen() == null ? null : s.lastSeen();
    if (s.lastMotion() != null) {
      movedAt(s.elderId(), s.householdId(), s.lastMotion());
    }
    if (s.elderId() != null && s.fixLat() != null && s.fixLon() != null && s.fixAt() != null) {
      fixedAt(s.elderId(), new Fix(s.fixLat(), s.fixLon(), s.fixAt()));
    }
  }

  /** The elder's last known position, or null. */
  public Fix lastFix(Long elderId) {
    return elderId == null ? null : fixes.get(elderId);
  }

  public Collection<Device> devices() {
    return devices.values();
  }

  /** The last movement of the elder or anywhere in the household, or null when none is known. */
  public Instant lastMovement(Long elderId, Long householdId) {
    Instant elder = elderId == null ? null : elderMoved.get(elderId);
    Instant household = householdId == null ? null : householdMoved.get(householdId);
    return later(elder, household);
  }

  /** The device, with whom it belongs to and where as last said (a device may be given to another elder). */
  private Device device(String id, Long elderId, Long householdId, Long villageId, Long townshipId) {
    Device d = devices.computeIfAbsent(id, Device::new);
    d.elderId = elderId;
    d.householdId = householdId;
    d.villageId = villageId;
    d.townshipId = townshipId;
    return d;
  }

  private boolean moved(Device d, RuleInput in) {
    if (RuleInput.EVENT.equals(in.channel())) {
      return MOVEMENT_EVENTS.contains(in.fields().getString("type"));
    }
    if (!RuleInput.TELEMETRY.equals(in.channel())) {
      return false;
    }
    Double steps = in.number("steps");
    boolean walked = false;
    if (steps != null) {
      walked = d.steps == null ? steps > 0 : steps > d.steps || (steps < d.steps && steps > 0);
      d.steps = steps.intValue();
    }
    return walked || Boolean.TRUE.equals(in.flag("motion"));
  }

  private void fixedAt(long elderId, Fix fix) {
    fixes.merge(elderId, fix, (old, now) -> now.at().isBefore(old.at()) ? old : now);
  }

  private void movedAt(Long elderId, Long householdId, Instant at) {
    if (elderId != null) {
      elderMoved.merge(elderId, at, Liveness::later);
    }
    if (householdId != null) {
      householdMoved.merge(householdId, at, Liveness::later);
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
