package org.anxin.console.sql;

import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * An elder's location and health data: the latest fix, the track, and a day's activity. Callers check the scope
 * first and write the audit row in the same transaction.
 */
public final class HealthSql {

  /** The most points a track answers; a longer one is cut at the newest end and says so. */
  public static final int TRACK_LIMIT = 5_000;

  private static final String LAST_FIX = """
      SELECT s.device_id, s.last_fix_lat AS lat, s.last_fix_lon AS lon, s.last_fix_acc AS acc, s.last_fix_at AS at,
             s.online, s.last_seen, s.bat, s.worn
      FROM devices d JOIN device_state s ON s.device_id = d.id
      WHERE d.elder_id = ? AND s.last_fix_at IS NOT NULL
      ORDER BY s.last_fix_at DESC LIMIT 1""";

  private static final String HOME = """
      SELECT h.home_lat AS lat, h.home_lon AS lon, h.address FROM elders e JOIN households h ON h.id = e.household_id
      WHERE e.id = ?""";

  private static final String TRACK = """
      SELECT t.device_id, t.ts, t.lat, t.lon, t.acc, t.src FROM telemetry t
      WHERE t.device_id IN (SELECT id FROM devices WHERE elder_id = ?) AND t.ts >= ? AND t.ts <= ?
        AND t.lat IS NOT NULL AND t.lon IS NOT NULL
      ORDER BY t.ts LIMIT ?""";

  /** Fixes newer than each watched elder's mark, from that elder's devices; an elder's is {@code w.after_ms}. */
  private static final String NEW_FIXES = """
      SELECT d.elder_id, t.device_id, t.ts, t.lat, t.lon, t.acc, t.src
      FROM unnest(?::bigint[], ?::bigint[]) AS w(elder_id, after_ms)
      JOIN devices d ON d.elder_id = w.elder_id
      JOIN telemetry t ON t.device_id = d.id AND t.ts > to_timestamp(w.after_ms / 1000.0)
      WHERE t.lat IS NOT NULL AND t.lon IS NOT NULL
      ORDER BY t.ts LIMIT ?""";

  private static final String ELDER_DEVICES = """
      (SELECT d.id FROM devices d JOIN elders e ON e.id = ?
       WHERE d.elder_id = e.id OR d.household_id = e.household_id)""";

  private static final String ACTIVITY = """
      SELECT max(t.steps) AS steps, count(*) FILTER (WHERE t.motion) AS motion_reports,
             max(t.ts) FILTER (WHERE t.motion) AS last_motion_at, min(t.hr) AS hr_min, max(t.hr) AS hr_max,
             round(avg(t.hr)) AS hr_avg, min(t.spo2) AS spo2_min, count(*) AS reports
      FROM telemetry t WHERE t.device_id IN""" + " " + ELDER_DEVICES + " AND t.ts >= ?";

  private static final String LATEST_VITALS = """
      SELECT t.ts AS at, t.hr, t.spo2, t.temp FROM telemetry t WHERE t.device_id IN""" + " " + ELDER_DEVICES + """
       AND t.ts >= ? AND (t.hr IS NOT NULL OR t.spo2 IS NOT NULL) ORDER BY t.ts DESC LIMIT 1""";

  private static final String EVENTS = """
      SELECT ev.type, count(*) AS count, max(ev.ts) AS last_at FROM device_events ev
      WHERE ev.device_id IN""" + " " + ELDER_DEVICES + """
       AND ev.ts >= ? AND ev.channel = 'event' GROUP BY ev.type ORDER BY ev.type""";

  private HealthSql() {
  }

  /** The newest fix of the elder's wristbands (null when none) and the home's position. */
  public static JsonObject location(Connection c, long elderId) throws SQLException {
    return new JsonObject().put("lastFix", Rows.first(c, LAST_FIX, elderId)).put("home", Rows.first(c, HOME, elderId));
  }

  public static JsonObject track(Connection c, long elderId, Instant since, Instant until) throws SQLException {
    List<JsonObject> points = Rows.query(c, TRACK, elderId, since, until, TRACK_LIMIT + 1);
    boolean cut = points.size() > TRACK_LIMIT;
    return new JsonObject().put("since", since.toEpochMilli()).put("until", until.toEpochMilli())
        .put("points", Rows.array(cut ? points.subList(0, TRACK_LIMIT) : points)).put("truncated", cut);
  }

  /**
   * The fixes of each elder's devices measured after that elder's mark (epoch milliseconds), oldest first, at most
   * {@code limit}; the two arrays are parallel. For the live maps: the caller has checked who watches.
   */
  public static List<JsonObject> newFixes(Connection c, Long[] elderIds, Long[] afterMs, int limit)
      throws SQLException {
    return Rows.query(c, NEW_FIXES, elderIds, afterMs, limit);
  }

  /** Activity since {@code since} (the local midnight) from every device of the elder and the household. */
  public static JsonObject activity(Connection c, long elderId, Instant since) throws SQLException {
    JsonObject summary = Rows.first(c, ACTIVITY, elderId, since);
    return summary.put("since", since.toEpochMilli())
        .put("latestVitals", Rows.first(c, LATEST_VITALS, elderId, since))
        .put("events", Rows.array(Rows.query(c, EVENTS, elderId, since)));
  }
}
