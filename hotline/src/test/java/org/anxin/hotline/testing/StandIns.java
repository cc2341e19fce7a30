package org.anxin.hotline.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.dispatcher.orders.OrderVerticle;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * The other modules' bus services the hotline calls: {@code order.create} is the dispatcher's real
 * {@link OrderVerticle}; {@code alarm.command} is a stand-in (the dispatcher's escalation verticle would also start
 * escalating, and call the hotline back) that moves an OPEN alarm to ACKNOWLEDGED as the contract says.
 * {@link #slowOrders} holds {@code order.create} requests back, as a slow or busy order service would.
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
    vertx.eventBus().addInboundInterceptor(delivery -> {
      if (Addresses.ORDER_CREATE.equals(delivery.message().address()) && !orderDelay.isZero()) {
        vertx.setTimer(orderDelay.toMillis(), t -> delivery.next());
      } else {
        delivery.next();
      }
    });
    OrderVerticle orders = new OrderVerticle(DispatcherOptions.from(Settings.fromMap(Map.of())), database,
        Clock.systemUTC(), ZoneId.of("Asia/Shanghai"), new DispatcherMetrics(new SimpleMeterRegistry()));
    return Future.all(vertx.deployVerticle(orders), alarmCommands()).mapEmpty();
  }

  public void slowOrders(Duration delay) {
    orderDelay = delay;
  }

  private Future<Void> alarmCommands() {
    return new DispatchBus(vertx.eventBus()).serveCommands(cmd -> database.withConnection(c -> {
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
    })).completion();
  }
}
