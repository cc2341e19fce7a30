package org.anxin.dispatcher.report;

/** The acknowledgement-time report, computed in SQL. */
final class ReportSql {

  /**
   * Per local day and township: alarms opened, and how many were acknowledged within 60 s and 180 s. An alarm's
   * township is its own, else its household's village's. Alarms that closed by themselves before anyone
   * acknowledged them (a battery charged) needed no person and are left out; open ones count against.
   * Parameters: time zone, from, to, township or null, max priority or null.
   */
  static final String ACK_TIMES = """
      WITH params AS (SELECT CAST(? AS text) AS tz, CAST(? AS date) AS since, CAST(? AS date) AS until,
                             CAST(? AS bigint) AS township, CAST(? AS int) AS max_priority),
      scoped AS (
        SELECT (a.opened_at AT TIME ZONE p.tz)::date AS day, COALESCE(a.township_id, v.township_id) AS township_id,
               a.acknowledged_at - a.opened_at AS ack
        FROM alarms a CROSS JOIN params p
        LEFT JOIN elders e ON e.id = a.elder_id
        LEFT JOIN households h ON h.id = COALESCE(a.household_id, e.household_id)
        LEFT JOIN villages v ON v.id = COALESCE(a.village_id, h.village_id)
        WHERE a.opened_at >= (p.since::timestamp AT TIME ZONE p.tz)
          AND a.opened_at < ((p.until + 1)::timestamp AT TIME ZONE p.tz)
          AND (p.max_priority IS NULL OR a.priority <= p.max_priority)
          AND NOT (a.acknowledged_at IS NULL AND a.closed_by IS NOT DISTINCT FROM 'system'))
      SELECT s.day, s.township_id, t.name AS township, count(*) AS alarms,
             count(*) FILTER (WHERE s.ack <= interval '60 seconds') AS within60,
             count(*) FILTER (WHERE s.ack <= interval '180 seconds') AS within180
      FROM scoped s CROSS JOIN params p LEFT JOIN townships t ON t.id = s.township_id
      WHERE p.township IS NULL OR s.township_id = p.township
      GROUP BY s.day, s.township_id, t.name
      ORDER BY s.day, t.name NULLS LAST""";

  private ReportSql() {
  }
}
