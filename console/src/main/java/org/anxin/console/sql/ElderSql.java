package org.anxin.console.sql;

import io.vertx.core.json.JsonObject;
import org.anxin.console.api.Page;
import org.anxin.console.auth.Scope;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Elders, their households, devices, safe zones and people, as the console reads them, filtered by scope. */
public final class ElderSql {

  /** Filters of the elder list; null fields filter nothing. */
  public record Filter(String text, String phone, Long townshipId, Long villageId, String category) {
  }

  private static final String IN_SCOPE = "(?::bigint[] IS NULL OR e.id = ANY(?))";

  private static final String LIST = """
      SELECT e.id, e.name, e.gender, e.birth_date, e.phone, e.categories, e.care_mode, e.household_id, h.address,
             h.landline, h.village_id, v.name AS village, v.township_id, t.name AS township,
             (SELECT count(*) FROM alarms a WHERE a.elder_id = e.id AND a.state IN ('OPEN', 'ACKNOWLEDGED', 'ON_SITE'))
               AS open_alarms,
             count(*) OVER () AS total
      FROM elders e JOIN households h ON h.id = e.household_id
        LEFT JOIN villages v ON v.id = h.village_id LEFT JOIN townships t ON t.id = v.township_id
      WHERE""" + " " + IN_SCOPE + """
        AND (?::text IS NULL OR e.name ILIKE '%' || ? || '%' OR h.address ILIKE '%' || ? || '%')
        AND (?::text IS NULL OR e.phone = ? OR h.landline = ?)
        AND (?::bigint IS NULL OR v.township_id = ?)
        AND (?::bigint IS NULL OR h.village_id = ?)
        AND (?::text IS NULL OR ? = ANY(e.categories))
      ORDER BY e.name, e.id
      LIMIT ? OFFSET ?""";

  private static final String ONE = """
      SELECT e.id, e.name, e.gender, e.birth_date, e.phone, e.categories, e.care_mode, e.party_member_since,
             e.party_branch, e.party_record, e.rule_settings, e.notes, e.household_id, h.address, h.home_lat,
             h.home_lon, h.landline, h.village_id, v.name AS village, v.township_id, t.name AS township
      FROM elders e JOIN households h ON h.id = e.household_id
        LEFT JOIN villages v ON v.id = h.village_id LEFT JOIN townships t ON t.id = v.township_id
      WHERE e.id = ? AND""" + " " + IN_SCOPE;

  private static final String HOUSEMATES = """
      SELECT e.id, e.name FROM elders e WHERE e.household_id = ? AND e.id <> ? AND""" + " " + IN_SCOPE;

  private static final String DEVICES = """
      SELECT d.id, d.type, d.model, d.enabled, d.interval_s, d.elder_id, d.household_id, s.online, s.last_seen,
             s.bat, s.worn, s.fw, s.last_fix_lat, s.last_fix_lon, s.last_fix_acc, s.last_fix_at, s.last_motion_at
      FROM devices d LEFT JOIN device_state s ON s.device_id = d.id
      WHERE d.elder_id = ? OR d.household_id = ?
      ORDER BY d.type DESC, d.id""";

  private static final String ZONES = """
      SELECT id, name, kind, center_lat, center_lon, radius_m, polygon, active_from, active_to, enabled, updated_at
      FROM safe_zones WHERE elder_id = ? ORDER BY id""";

  private static final String CARERS = """
      SELECT c.id, c.name, c.phone, ce.role FROM carer_elders ce JOIN carers c ON c.id = ce.carer_id
      WHERE ce.elder_id = ? ORDER BY ce.role DESC, c.name""";

  private static final String FAMILY = """
      SELECT u.id, u.display_name, u.phone, ue.relation FROM user_elders ue JOIN users u ON u.id = ue.user_id
      WHERE ue.elder_id = ? ORDER BY u.display_name""";

  private static final String EXISTS = "SELECT 1 FROM elders e WHERE e.id = ? AND " + IN_SCOPE;

  private ElderSql() {
  }

  public static List<JsonObject> list(Connection c, Scope scope, Filter f, Page page) throws SQLException {
    return Rows.query(c, LIST, scope.elderFilter(), scope.elderFilter(), f.text(), f.text(),
        f.text(), f.phone(), f.phone(), f.phone(), f.townshipId(), f.townshipId(), f.villageId(), f.villageId(),
        f.category(), f.category(), page.limit(), page.offset());
  }

  /**
   * The elder with household, devices and their latest state, safe zones and carers; family links for staff.
   * Null when the elder does not exist or is out of scope.
   */
  public static JsonObject one(Connection c, Scope scope, long id) throws SQLException {
    JsonObject elder = Rows.first(c, ONE, id, scope.elderFilter(), scope.elderFilter());
    if (elder == null) {
      return null;
    }
    long household = elder.getLong("householdId");
    Rows.with(c, elder, "housemates", HOUSEMATES, household, id, scope.elderFilter(), scope.elderFilter());
    Rows.with(c, elder, "devices", DEVICES, id, household);
    Rows.with(c, elder, "safeZones", ZONES, id);
    Rows.with(c, elder, "carers", CARERS, id);
    return scope.everyone() ? Rows.with(c, elder, "family", FAMILY, id) : elder;
  }

  public static boolean exists(Connection c, Scope scope, long id) throws SQLException {
    return Rows.first(c, EXISTS, id, scope.elderFilter(), scope.elderFilter()) != null;
  }
}
