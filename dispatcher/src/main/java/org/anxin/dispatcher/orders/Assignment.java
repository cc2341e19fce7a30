package org.anxin.dispatcher.orders;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderView;

import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Gives an order to a provider by service type, the elder's township and remaining capacity in the requested slot
 * (DESIGN.md "Service orders"); the provider then has the accept SLA to take it. Every path that takes capacity
 * (creation, refusal, accept timeout, the timer's retry) comes through here, holding the candidates' row locks until
 * its transaction ends, so dispatchers on several nodes never give one place twice.
 */
final class Assignment {

  private final Duration acceptSla;
  private final ZoneId zone;

  Assignment(Duration acceptSla, ZoneId zone) {
    this.acceptSla = acceptSla;
    this.zone = zone;
  }

  /**
   * Assigns the order, or leaves it NEW for the timer to try again; {@code recordMiss} writes an UNASSIGNED event
   * (once per cause, not on every retry).
   */
  boolean assign(OrderLog log, OrderView order, boolean recordMiss) throws SQLException {
    // Lock first, count after, in separate statements: under READ COMMITTED each statement takes a new snapshot, so
    // the count, begun once the locks are ours, sees every assignment committed by whoever held them before. Within
    // one statement the count would keep the snapshot taken before waiting, and two could take one last place.
    Jdbc.list(log.connection(), OrderSql.LOCK_CANDIDATES, rs -> rs.getLong(1), order.type(), order.elderId());
    Optional<long[]> chosen = Jdbc.one(log.connection(), OrderSql.CHOOSE_PROVIDER,
        rs -> new long[] {rs.getLong(1), rs.getLong(2)}, order.id(), order.type(), order.elderId(),
        order.slotStart() != null ? order.slotStart() : log.at(), zone.getId());
    if (chosen.isEmpty()) {
      if (recordMiss) {
        log.add(OrderChanged.Change.UNASSIGNED, Orders.ACTOR, new JsonObject()
            .put("reason", "no " + order.type() + " provider of the elder's township has room in the slot"));
      }
      return false;
    }
    long provider = chosen.get()[0];
    Jdbc.update(log.connection(), OrderSql.ASSIGN, provider, log.at(), log.at().plus(acceptSla), order.id());
    log.add(OrderChanged.Change.ASSIGNED, Orders.ACTOR, new JsonObject().put("providerId", provider)
        .put("remainingBefore", chosen.get()[1]).put("acceptDueAt", log.at().plus(acceptSla).toEpochMilli()));
    return true;
  }
}
