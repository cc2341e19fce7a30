package org.anxin.console.sql;

import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The supervisor's other figures, per local day and township: responders on site, orders on time, calls answered.
 * Days are local in the zone given; an alarm's township is its own, an order's and a call's that of the elder.
 */
public final class ReportSql {

  private static final String AREA = """
      LEFT JOIN elders e ON e.id = x.elder_id LEFT JOIN households h ON h.id = e.household_id
      LEFT JOIN villages v ON v.id = h.village_id""";

  private static final String ALARMS = """
      SELECT (a.opened_at AT TIME ZONE ?)::date AS day, a.township_id, t.name AS township, count(*) AS alarms,
             count(a.on_site_at) AS on_site,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.on_site_at - a.opened_at))
               FILTER (WHERE a.on_site_at IS NOT NULL)) AS median_on_site_s,
             count(*) FILTER (WHERE a.state = 'FALSE_ALARM') AS false_alarms
      FROM alarms a LEFT JOIN townships t ON t.id = a.township_id
      WHERE (a.opened_at AT TIME ZONE ?)::date BETWEEN ? AND ?
      GROUP BY 1, 2, 3 ORDER BY 1, 3""";

  private static final String ORDERS = """
      SELECT (x.created_at AT TIME ZONE ?)::date AS day, v.township_id, t.name AS township, count(*) AS orders,
             count(*) FILTER (WHERE x.state IN ('DONE', 'REVIEWED')) AS done,
             count(*) FILTER (WHERE x.state IN ('DONE', 'REVIEWED') AND NOT x.sla_flag) AS done_on_time,
             count(*) FILTER (WHERE x.sla_flag) AS late, count(*) FILTER (WHERE x.state = 'CANCELLED') AS cancelled,
             round(avg(x.rating), 2) AS avg_rating
      FROM service_orders x""" + "\n" + AREA + """
       LEFT JOIN townships t ON t.id = v.township_id
      WHERE (x.created_at AT TIME ZONE ?)::date BETWEEN ? AND ?
      GROUP BY 1, 2, 3 ORDER BY 1, 3""";

  private static final String CALLS = """
      SELECT (x.started_at AT TIME ZONE ?)::date AS day, v.township_id, t.name AS township, count(*) AS calls,
             count(x.answered_at) AS answered,
             round(avg(extract(epoch FROM x.answered_at - coalesce(x.queued_at, x.started_at)))
               FILTER (WHERE x.answered_at IS NOT NULL)) AS avg_wait_s
      FROM calls x""" + "\n" + AREA + """
       LEFT JOIN townships t ON t.id = v.township_id
      WHERE (x.started_at AT TIME ZONE ?)::date BETWEEN ? AND ? AND x.direction = 'INBOUND'
      GROUP BY 1, 2, 3 ORDER BY 1, 3""";

  private ReportSql() {
  }

  public static JsonObject summary(Connection c, ZoneId zone, LocalDate from, LocalDate to) throws SQLException {
    String tz = zone.getId();
    return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("timezone", tz)
        .put("alarms", Rows.array(Rows.query(c, ALARMS, tz, tz, from, to)))
        .put("orders", Rows.array(Rows.query(c, ORDERS, tz, tz, from, to)))
        .put("calls", Rows.array(Rows.query(c, CALLS, tz, tz, from, to)));
  }
}
