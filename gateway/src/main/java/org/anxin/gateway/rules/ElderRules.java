package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * One elder's alarm settings: the defaults, then the defaults of the elder's categories (DEMENTIA: FENCE_EXIT at
 * priority 1 and NIGHT_DOOR on), then the elder's own {@code elders.rule_settings} overrides. Keys of
 * {@code rule_settings}: {@code day} and {@code night} ("07:00-21:00"), {@code nightDoor}, {@code inactivityMinutes},
 * {@code hrMin}, {@code hrMax}, {@code hrConsecutive}, {@code strapOffMinutes}, {@code lowBatteryPct},
 * {@code chargedPct}, {@code fencePriority}, {@code fenceConfirmFixes}, {@code fenceFastIntervalS}.
 */
public record ElderRules(ZoneId timezone, boolean dementia, LocalWindow day, LocalWindow night, boolean nightDoor,
                         Duration inactivity, int hrMin, int hrMax, int hrConsecutive, Duration strapOff,
                         int lowBatteryPct, int chargedPct, int fencePriority, int fenceConfirmFixes,
                         int fenceFastIntervalS, List<SafeZone> zones) {

  public static final String DEMENTIA = "DEMENTIA";

  /** The settings of an elder with no category and no overrides, and of devices with no elder. */
  public static ElderRules defaults(ZoneId timezone) {
    return new ElderRules(timezone, false, LocalWindow.parse("07:00", "21:00"), LocalWindow.parse("22:00", "06:00"),
        false, Duration.ofHours(12), 40, 130, 3, Duration.ofMinutes(30), 15, 30, 2, 2, 30, List.of());
  }

  public static ElderRules of(ZoneId timezone, Collection<String> categories, JsonObject overrides,
                              List<SafeZone> zones) {
    ElderRules base = defaults(timezone);
    boolean dementia = categories.contains(DEMENTIA);
    JsonObject o = overrides == null ? new JsonObject() : overrides;
    return new ElderRules(timezone, dementia, window(o, "day", base.day()), window(o, "night", base.night()),
        o.getBoolean("nightDoor", dementia), Duration.ofMinutes(o.getLong("inactivityMinutes",
        base.inactivity().toMinutes())), o.getInteger("hrMin", base.hrMin()), o.getInteger("hrMax", base.hrMax()),
        o.getInteger("hrConsecutive", base.hrConsecutive()),
        Duration.ofMinutes(o.getLong("strapOffMinutes", base.strapOff().toMinutes())),
        o.getInteger("lowBatteryPct", base.lowBatteryPct()), o.getInteger("chargedPct", base.chargedPct()),
        o.getInteger("fencePriority", dementia ? 1 : base.fencePriority()),
        o.getInteger("fenceConfirmFixes", base.fenceConfirmFixes()),
        o.getInteger("fenceFastIntervalS", base.fenceFastIntervalS()), List.copyOf(zones));
  }

  private static LocalWindow window(JsonObject o, String key, LocalWindow fallback) {
    String v = o.getString(key);
    if (v == null) {
      return fallback;
    }
    String[] parts = v.split("-");
    return LocalWindow.parse(parts[0].trim(), parts[1].trim());
  }
}
