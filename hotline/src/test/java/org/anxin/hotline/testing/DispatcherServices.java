package org.anxin.hotline.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.dispatcher.escalation.EscalationVerticle;
import org.anxin.dispatcher.orders.OrderVerticle;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The dispatcher's real verticles, for the bus services the hotline calls: {@link OrderVerticle} answers
 * {@code order.create}, {@link EscalationVerticle} answers {@code alarm.command} through the alarm state machine.
 * Escalation runs too, with its scan hourly (its first scan, at start, finds an empty database) and every policy
 * wait stretched a thousandfold: an alarm a test raises gets its first step (notices and SMS, never a call), and no
 * later step places calls the tests would count. {@link #slowOrders} holds {@code order.create} requests back, as
 * a slow or busy order service would. Every {@code alarm.changed} is kept for assertions.
 */
public final class DispatcherServices {

  public final List<AlarmChanged> alarmChanges = new CopyOnWriteArrayList<>();
  private final Vertx vertx;
  private final Database database;
  private volatile Duration orderDelay = Duration.ZERO;

  public DispatcherServices(Vertx vertx, Database database) {
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
    new DispatchBus(vertx.eventBus()).onChanged(alarmChanges::add);
    DispatcherOptions options = DispatcherOptions.from(Settings.fromMap(Map.of(
        DispatcherOptions.ESCALATION_SCAN_MS, "3600000", DispatcherOptions.ESCALATION_SCALE, "1000")));
    DispatcherMetrics metrics = new DispatcherMetrics(new SimpleMeterRegistry());
    return Future.all(
        vertx.deployVerticle(new OrderVerticle(options, database, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"),
            metrics)),
        vertx.deployVerticle(new EscalationVerticle(options, database, Clock.systemUTC(), metrics))).mapEmpty();
  }

  public void slowOrders(Duration delay) {
    orderDelay = delay;
  }
}
