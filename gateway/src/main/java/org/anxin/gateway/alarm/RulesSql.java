package org.anxin.gateway.alarm;

/** The statements that load the alarm rules' settings and the devices' owners. */
final class RulesSql {

  static final String ELDERS = "SELECT id, household_id, categories, rule_settings FROM elders";

  static final String ZONES = "SELECT id, elder_id, name, kind, center_lat, center_lon, radius_m, polygon, "
      + "active_from, active_to FROM safe_zones WHERE enabled";

  /**
   * A wristband's household is its elder's; the state columns seed the silence and inactivity checks and the last
   * known position.
   */
  static final String DEVICES = """
      SELECT d.id, d.type, d.elder_id, COALESCE(d.household_id, e.household_id), h.village_id, v.township_id,
             COALESCE(s.interval_s, d.interval_s), s.last_seen, COALESCE(s.online, false), s.last_motion_at,
             s.last_fix_lat, s.last_fix_lon, s.last_fix_at
      FROM devices d
      LEFT JOIN elders e ON e.id = d.elder_id
      LEFT JOIN households h ON h.id = COALESCE(d.household_id, e.household_id)
      LEFT JOIN villages v ON v.id = h.village_id
      LEFT JOIN device_state s ON s.device_id = d.id
      WHERE d.enabled""";

  private RulesSql() {
  }
}
