package org.anxin.hotline.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * Stand-ins for the dispatcher's {@code order.create} and {@code alarm.command} (its order service is not merged
 * yet): the order is one INSERT carrying the call id, as the contract says; an acknowledgement moves an OPEN alarm
 * to ACKNOWLEDGED. {@code orderDelay} makes the order service slow.
 */
public final class StandIns {

  private final Vertx vertx;
  private final Database database;
  private volatile Duration orderDelay = Duration.ZERO;

  public StandIns(Vertx vertx, Database database) {
    this.vertx = vertx;
    this.database = database;
  }

  public Future<Void> start() {
    return Future.all(new OrderBus(vertx.eventBus()).serveCreate(r -> delayed().compose(v ->
                database.withConnection(c -> {
                  try (PreparedStatement ps = c.prepareStatement("""
                      INSERT INTO service_orders (elder_id, type, source, call_id, created_by, notes)
                      VALUES (?, ?, ?, ?, ?, ?) RETURNING id, created_at""")) {
                    ps.setLong(1, r.elderId());
                    ps.setString(2, r.type().name());
                    ps.setString(3, r.source().name());
                    ps.setObject(4, r.callId());
                    ps.setString(5, r.createdBy());
                    ps.setString(6, r.notes());
                    try (ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      return new OrderView(rs.getLong(1), r.elderId(), r.type().name(), "NEW", r.source().name(),
                          null, null, null, r.callId(), null, r.createdBy(), rs.getTimestamp(2).toInstant(), null,
                          null, null, null, null, null, null, null, r.notes(), false, null);
                    }
                  }
                }))).completion(),
        new DispatchBus(vertx.eventBus()).serveCommands(cmd -> database.withConnection(c -> {
          try (PreparedStatement ps = c.prepareStatement("""
              UPDATE alarms SET state = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = ?
               WHERE id = ? AND state = 'OPEN' RETURNING elder_id, type, priority""")) {
            ps.setString(1, cmd.actor());
            ps.setLong(2, cmd.alarmId());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw BusException.conflict("alarm " + cmd.alarmId() + " is not OPEN");
              }
              return new AlarmView(cmd.alarmId(), rs.getLong(1), null, null, null, rs.getString(2), rs.getInt(3),
                  "ACKNOWLEDGED", null, Instant.now(), cmd.actor(), null, null, null, null, 0, null, false);
            }
          }
        })).completion()).mapEmpty();
  }

  public void slowOrders(Duration delay) {
    orderDelay = delay;
  }

  private Future<Void> delayed() {
    if (orderDelay.isZero()) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    vertx.setTimer(orderDelay.toMillis(), t -> p.complete());
    return p.future();
  }
}
