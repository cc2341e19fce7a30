package org.anxin.console.sql;

import io.vertx.core.json.JsonObject;
import org.anxin.console.api.Page;
import org.anxin.console.auth.Scope;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Alarms as the console reads them; every query filters by the caller's {@link Scope}. */
public final class AlarmSql {

  /** Filters of the alarm list; null fields filter nothing. */
  public record Filter(String[] states, String[] types, Long elderId, Integer maxPriority, Instant since) {
  }

  static final String IN_SCOPE = """
      (?::bigint[] IS NULL OR a.elder_id = ANY(?) OR (a.elder_id IS NULL AND a.household_id = ANY(?)))""";

  private static final String LIST = """
      SELECT a.id, a.elder_id, e.name AS elder_name, a.household_id, a.device_id, a.village_id, a.township_id,
             a.type, a.priority, a.state, a.opened_at, a.acknowledged_at, a.acknowledged_by, a.on_site_at,
             a.closed_at, a.closed_by, a.occurrences, a.last_occurrence_at, a.escalation_step, a.supervisor_flag,
             count(*) OVER () AS total
      FROM alarms a LEFT JOIN elders e ON e.id = a.elder_id
      WHERE""" + IN_SCOPE + """
        AND (?::text[] IS NULL OR a.state = ANY(?))
        AND (?::text[] IS NULL OR a.type = ANY(?))
        AND (?::bigint IS NULL OR a.elder_id = ?)
        AND (?::int IS NULL OR a.priority <= ?)
        AND (?::timestamptz IS NULL OR a.opened_at >= ?)
      ORDER BY a.state IN ('OPEN', 'ACKNOWLEDGED', 'ON_SITE') DESC, a.priority, a.opened_at DESC, a.id DESC
      LIMIT ? OFFSET ?""";

  private static final String ONE = """
      SELECT a.id, a.elder_id, e.name AS elder_name, a.household_id, h.address, a.device_id, a.village_id,
             a.township_id, a.type, a.priority, a.state, a.opened_at, a.acknowledged_at, a.acknowledged_by,
             a.on_site_at, a.closed_at, a.closed_by, a.close_note, a.occurrences, a.last_occurrence_at,
             a.source_device_id, a.source_ts, a.lat, a.lon, a.details, a.escalation_step, a.next_escalation_at,
             a.supervisor_flag
      FROM alarms a LEFT JOIN elders e ON e.id = a.elder_id LEFT JOIN households h ON h.id = a.household_id
      WHERE a.id = ? AND""" + IN_SCOPE;

  private static final String EVENTS = """
      SELECT id, at, kind, actor, channel, details FROM alarm_events WHERE alarm_id = ? ORDER BY at, id""";

  private static final String VISIBLE = "SELECT 1 FROM alarms a WHERE a.id = ? AND" + IN_SCOPE;

  private AlarmSql() {
  }

  public static List<JsonObject> list(Connection c, Scope scope, Filter f, Page page) throws SQLException {
    Integer prio = f.maxPriority();
    return Rows.query(c, LIST, scope.elderFilter(), scope.elderFilter(),
        scope.householdFilter(), f.states(), f.states(), f.types(), f.types(), f.elderId(), f.elderId(), prio, prio,
        f.since(), f.since(), page.limit(), page.offset());
  }

  /** The alarm with its events, or null when it does not exist or is out of scope. */
  public static JsonObject one(Connection c, Scope scope, long id) throws SQLException {
    JsonObject alarm = Rows.first(c, ONE, id, scope.elderFilter(), scope.elderFilter(), scope.householdFilter());
    return Rows.with(c, alarm, "events", EVENTS, id);
  }

  public static boolean visible(Connection c, Scope scope, long id) throws SQLException {
    return Rows.first(c, VISIBLE, id, scope.elderFilter(), scope.elderFilter(), scope.householdFilter()) != null;
  }
}
