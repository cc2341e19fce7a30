package org.anxin.dispatcher.visits;

import io.vertx.core.json.JsonObject;
import org.anxin.dispatcher.orders.OrderLog;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderView;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a done VISIT against the elder's own devices: home door or motion events, or the wristband near home,
 * during the visit window mark it verified; nothing seen flags it for the supervisor.
 */
public final class VisitCheck {

  /** Carers open the door before they press START: the window opens this much earlier. */
  static final Duration LEAD = Duration.ofMinutes(15);

  private VisitCheck() {
  }

  public static boolean verify(OrderLog log, OrderView order, double radiusM) throws SQLException {
    Instant since = firstOf(order.startedAt(), order.slotStart(), order.acceptedAt(), order.createdAt()).minus(LEAD);
    Instant until = order.doneAt() != null ? order.doneAt() : log.at();
    JsonObject evidence = Jdbc.one(log.connection(), VisitSql.EVIDENCE, rs -> new JsonObject()
        .put("doorEvents", rs.getLong("door_events")).put("motionReports", rs.getLong("motion_reports"))
        .put("fixesNearHome", rs.getLong("fixes_near_home")), order.id(), since, until, radiusM).orElseThrow()
        .put("since", since.toEpochMilli()).put("until", until.toEpochMilli()).put("radiusM", radiusM);
    boolean verified = evidence.getLong("doorEvents") + evidence.getLong("motionReports")
        + evidence.getLong("fixesNearHome") > 0;
    Jdbc.update(log.connection(), VisitSql.RECORD_CHECK, verified, evidence, order.id());
    log.add(verified ? OrderChanged.Change.VISIT_VERIFIED : OrderChanged.Change.VISIT_UNVERIFIED, "dispatcher",
        evidence);
    return verified;
  }

  private static Instant firstOf(Instant... candidates) {
    for (Instant i : candidates) {
      if (i != null) {
        return i;
      }
    }
    throw new IllegalStateException("an order without a creation time");
  }
}
