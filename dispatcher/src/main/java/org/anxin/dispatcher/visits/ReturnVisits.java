package org.anxin.dispatcher.visits;

import io.vertx.core.json.JsonObject;
import org.anxin.dispatcher.orders.OrderLog;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.orders.OrderChanged;

import java.sql.SQLException;
import java.time.Duration;

/**
 * The return visit (回访) after an order is done: a task for an operator, due within a set time, whose rating and
 * comment close the order as REVIEWED.
 */
public final class ReturnVisits {

  private ReturnVisits() {
  }

  public static void open(OrderLog log, Duration dueIn) throws SQLException {
    Jdbc.update(log.connection(), VisitSql.OPEN_RETURN_VISIT, log.orderId(), log.at(), log.at().plus(dueIn));
    log.add(OrderChanged.Change.RETURN_VISIT_DUE, "dispatcher", new JsonObject()
        .put("dueAt", log.at().plus(dueIn).toEpochMilli()));
  }

  public static void close(OrderLog log, String operator, int rating, String comment) throws SQLException {
    Jdbc.update(log.connection(), VisitSql.CLOSE_RETURN_VISIT, log.at(), operator, rating, comment, log.orderId());
  }
}
