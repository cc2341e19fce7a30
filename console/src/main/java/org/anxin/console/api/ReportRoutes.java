package org.anxin.console.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.auth.Role;
import org.anxin.infra.bus.report.AckTimesQuery;
import org.anxin.infra.bus.report.AckTimesReport;
import org.anxin.infra.bus.report.ReportBus;

import java.util.EnumSet;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;

/** The supervisor's figures, answered by the dispatcher on {@code report.ack-times}. */
public final class ReportRoutes {

  private static final Set<Role> READERS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);

  private final ReportBus reports;

  public ReportRoutes(EventBus bus) {
    this.reports = new ReportBus(bus);
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/reports/ack-times", READERS, Spec.of("Shares of alarms acknowledged within 60 s and 180 s, per "
        + "local day and township (targets 97.5 % and 99 %)").query("from", "to", "townshipId", "maxPriority"),
        this::handleAckTimes);
  }

  private Future<JsonObject> handleAckTimes(RoutingContext rc) {
    JsonObject q = new JsonObject().put("from", Bodies.query(rc, "from")).put("to", Bodies.query(rc, "to"))
        .put("townshipId", Bodies.queryLong(rc, "townshipId"));
    Long prio = Bodies.queryLong(rc, "maxPriority");
    q.put("maxPriority", prio == null ? null : prio.intValue());
    return reports.ackTimes(AckTimesQuery.fromJson(q)).map(AckTimesReport::toJson);
  }
}
