package org.anxin.console.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.ReportSql;
import org.anxin.infra.bus.report.AckTimesQuery;
import org.anxin.infra.bus.report.AckTimesReport;
import org.anxin.infra.bus.report.ReportBus;
import org.anxin.infra.db.Database;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;

/**
 * The supervisor's figures: acknowledgement times answered by the dispatcher on {@code report.ack-times}, and the
 * other figures per day and township read here.
 */
public final class ReportRoutes {

  private static final Set<Role> READERS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);

  private static final int LONGEST_DAYS = 366;

  private final ReportBus reports;
  private final Database database;
  private final ZoneId zone;

  public ReportRoutes(EventBus bus, Database database, ZoneId zone) {
    this.reports = new ReportBus(bus);
    this.database = database;
    this.zone = zone;
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/reports/ack-times", READERS, Spec.of("Shares of alarms acknowledged within 60 s and 180 s, per "
        + "local day and township (targets 97.5 % and 99 %)").query("from", "to", "townshipId", "maxPriority"),
        this::handleAckTimes);
    api.route(GET, "/reports/summary", READERS, Spec.of("Per local day and township: alarms, responders on site and "
        + "the median time to get there, orders done and on time, calls answered and the average wait")
        .query("from", "to"), this::handleSummary);
  }

  private Future<JsonObject> handleSummary(RoutingContext rc) {
    LocalDate from = date(rc, "from");
    LocalDate to = date(rc, "to");
    if (to.isBefore(from) || to.isAfter(from.plusDays(LONGEST_DAYS))) {
      throw ApiException.badRequest("'to' must be on or after 'from', and at most a year later");
    }
    return database.withConnection(c -> ReportSql.summary(c, zone, from, to));
  }

  private static LocalDate date(RoutingContext rc, String name) {
    String v = Bodies.query(rc, name);
    try {
      return LocalDate.parse(v == null ? "" : v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("'" + name + "' must be a date (yyyy-mm-dd)");
    }
  }

  private Future<JsonObject> handleAckTimes(RoutingContext rc) {
    JsonObject q = new JsonObject().put("from", Bodies.query(rc, "from")).put("to", Bodies.query(rc, "to"))
        .put("townshipId", Bodies.queryLong(rc, "townshipId"));
    Long prio = Bodies.queryLong(rc, "maxPriority");
    q.put("maxPriority", prio == null ? null : prio.intValue());
    return reports.ackTimes(AckTimesQuery.fromJson(q)).map(AckTimesReport::toJson);
  }
}
