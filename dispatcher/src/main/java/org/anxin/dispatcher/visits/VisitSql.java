package org.anxin.dispatcher.visits;

/** The statements of return visits and visit checks; all parameterised. */
final class VisitSql {

  static final String OPEN_RETURN_VISIT = """
      INSERT INTO return_visits (order_id, created_at, due_at) VALUES (?, ?, ?)
      ON CONFLICT (order_id) DO NOTHING""";

  static final String CLOSE_RETURN_VISIT = """
      UPDATE return_visits SET done_at = ?, done_by = ?, rating = ?, comment = ? WHERE order_id = ?""";

  /**
   * What the elder's own devices saw in the visit window: door (and bed, pull-cord) events and motion of the
   * household's home terminals, and wristband fixes within the radius of home (equirectangular distance, fine at
   * this scale). Parameters: order id, window start, window end, radius in metres.
   */
  static final String EVIDENCE = """
      WITH params AS (SELECT CAST(? AS bigint) AS order_id, CAST(? AS timestamptz) AS since,
                             CAST(? AS timestamptz) AS until, CAST(? AS double precision) AS radius),
      home AS (
        SELECT e.id AS elder_id, h.id AS household_id, h.home_lat, h.home_lon, p.since, p.until, p.radius
        FROM params p JOIN service_orders o ON o.id = p.order_id JOIN elders e ON e.id = o.elder_id
        JOIN households h ON h.id = e.household_id)
      SELECT
        (SELECT count(*) FROM device_events de JOIN devices d ON d.id = de.device_id
         WHERE d.household_id = hm.household_id AND de.channel = 'event'
           AND de.type IN ('DOOR_OPEN', 'DOOR_CLOSE', 'BED_EXIT', 'PULL_CORD')
           AND de.ts BETWEEN hm.since AND hm.until) AS door_events,
        (SELECT count(*) FROM telemetry t JOIN devices d ON d.id = t.device_id
         WHERE d.household_id = hm.household_id AND d.type = 'HOME_TERMINAL' AND t.motion
           AND t.ts BETWEEN hm.since AND hm.until) AS motion_reports,
        (SELECT count(*) FROM telemetry t JOIN devices d ON d.id = t.device_id
         WHERE d.elder_id = hm.elder_id AND d.type = 'WRISTBAND' AND t.lat IS NOT NULL AND hm.home_lat IS NOT NULL
           AND t.ts BETWEEN hm.since AND hm.until
           AND 6371000 * sqrt(power(radians(t.lat - hm.home_lat), 2)
               + power(cos(radians((t.lat + hm.home_lat) / 2)) * radians(t.lon - hm.home_lon), 2)) <= hm.radius
        ) AS fixes_near_home
      FROM home hm""";

  static final String RECORD_CHECK = """
      UPDATE service_orders SET visit_verified = ?, visit_evidence = ?::jsonb WHERE id = ?""";

  private VisitSql() {
  }
}
