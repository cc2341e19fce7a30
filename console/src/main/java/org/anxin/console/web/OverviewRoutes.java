package org.anxin.console.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiException;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.Bodies;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.Args;
import org.anxin.console.sql.Rows;
import org.anxin.infra.db.Database;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;

/**
 * {@code GET /api/reports/overview}: the supervisor's other figures per local day and township, beside the
 * dispatcher's acknowledgement times: responders on site (and how soon after the alarm), service orders done and
 * done without an SLA flag, calls and calls answered.
 */
public final class OverviewRoutes {

  private static final Set<Role> READERS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);
  private static final int LONGEST_SPAN_DAYS = 366;

  private static final String OVERVIEW = """
      WITH a AS (
        SELECT (a.opened_at AT TIME ZONE ?)::date AS day, t.name AS township, count(*) AS alarms,
               count(a.on_site_at) AS on_site,
               round(avg(extract(epoch FROM a.on_site_at - a.opened_at)) / 60) AS on_site_avg_min
        FROM alarms a LEFT JOIN households h ON h.id = a.household_id LEFT JOIN villages v ON v.id = h.village_id
             LEFT JOIN townships t ON t.id = coalesce(a.township_id, v.township_id)
        WHERE a.opened_at >= ? AND a.opened_at < ? GROUP BY 1, 2),
      o AS (
        SELECT (o.done_at AT TIME ZONE ?)::date AS day, t.name AS township, count(*) AS orders_done,
               count(*) FILTER (WHERE NOT o.sla_flag) AS orders_on_time
        FROM service_orders o JOIN elders e ON e.id = o.elder_id JOIN households h ON h.id = e.household_id
             LEFT JOIN villages v ON v.id = h.village_id LEFT JOIN townships t ON t.id = v.township_id
        WHERE o.done_at >= ? AND o.done_at < ? GROUP BY 1, 2),
      c AS (
        SELECT (c.started_at AT TIME ZONE ?)::date AS day, t.name AS township, count(*) AS calls,
               count(c.answered_at) AS calls_answered
        FROM calls c LEFT JOIN elders e ON e.id = c.elder_id LEFT JOIN households h ON h.id = e.household_id
             LEFT JOIN villages v ON v.id = h.village_id LEFT JOIN townships t ON t.id = v.township_id
        WHERE c.started_at >= ? AND c.started_at < ? GROUP BY 1, 2)
      SELECT day, township, coalesce(a.alarms, 0) AS alarms, coalesce(a.on_site, 0) AS on_site, a.on_site_avg_min,
             coalesce(o.orders_done, 0) AS orders_done, coalesce(o.orders_on_time, 0) AS orders_on_time,
             coalesce(c.calls, 0) AS calls, coalesce(c.calls_answered, 0) AS calls_answered
      FROM a FULL JOIN o USING (day, township) FULL JOIN c USING (day, township)
      ORDER BY day, township NULLS LAST""";

  private final Database database;
  private final ZoneId zone;

  public OverviewRoutes(Database database, ZoneId zone) {
    this.database = database;
    this.zone = zone;
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/reports/overview", READERS, Spec.of("Per local day and township: alarms, responders on site "
        + "and their average minutes, orders done and on time, calls and calls answered").query("from", "to"),
        this::handleOverview);
  }

  private Future<JsonObject> handleOverview(RoutingContext rc) {
    LocalDate from = day(rc, "from");
    LocalDate to = day(rc, "to");
    if (to.isBefore(from) || to.isAfter(from.plusDays(LONGEST_SPAN_DAYS))) {
      throw ApiException.badRequest("'to' must be from 'from' to a year after it");
    }
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    String tz = zone.getId();
    return database.withConnection(c -> {
      try (PreparedStatement st = Args.prepare(c, OVERVIEW, tz, start, end, tz, start, end, tz, start, end)) {
        return new JsonObject().put("rows", Rows.array(Rows.all(st)));
      }
    });
  }

  private static LocalDate day(RoutingContext rc, String name) {
    String v = Bodies.query(rc, name);
    try {
      return LocalDate.parse(v == null ? "" : v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("'" + name + "' must be a date (yyyy-mm-dd)");
    }
  }
}
