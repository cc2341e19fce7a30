package org.anxin.dispatcher.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.dispatcher.orders.OrderVerticle;
import org.anxin.infra.bus.orders.OrderAction;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderCommand;
import org.anxin.infra.bus.orders.OrderCreate;
import org.anxin.infra.bus.orders.OrderSource;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.bus.orders.ServiceType;
import org.anxin.infra.db.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The order verticle on its own Vert.x, with a recorder of {@code order.changed} and short-hand requests. */
public final class OrderDesk implements AutoCloseable {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final Database ownDatabase;
  public final List<OrderChanged> changes = new CopyOnWriteArrayList<>();

  private OrderDesk(Vertx vertx, boolean ownsVertx, Database database, Database ownDatabase,
                    DispatcherOptions options) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.ownDatabase = ownDatabase;
    new OrderBus(vertx.eventBus()).onChanged(changes::add);
    vertx.deployVerticle(new OrderVerticle(options, database, Clock.systemUTC(), ZONE,
        new DispatcherMetrics(new SimpleMeterRegistry()))).await();
  }

  public static OrderDesk start(DispatcherDb db, DispatcherOptions options) {
    return new OrderDesk(Vertx.vertx(), true, db.database(), null, options);
  }

  /** The order verticle next to a dispatcher's escalation, on its Vert.x. */
  public static OrderDesk on(Vertx vertx, DispatcherDb db, DispatcherOptions options) {
    return new OrderDesk(vertx, false, db.database(), null, options);
  }

  /** The order verticle as one dispatcher node of several: its own Vert.x and its own pool on the shared database. */
  public static OrderDesk node(DispatcherDb db, DispatcherOptions options) {
    Vertx vertx = Vertx.vertx();
    Database database = Database.open(vertx, db.testDatabase().options(), "anxin-node");
    return new OrderDesk(vertx, true, database, database, options);
  }

  /** Options whose accept SLA is {@code acceptSla}, the rest as {@link Dispatcher#options}. */
  public static DispatcherOptions options(Duration acceptSla) {
    DispatcherOptions o = Dispatcher.options(1);
    return new DispatcherOptions(o.escalationScan(), 1, "outbox", null, 3, o.smsBackoff(), o.smsTimeout(),
        o.voiceTimeout(), o.repeatSmsInterval(), Duration.ofMillis(100), acceptSla, o.deliverSla(), o.returnVisitDue(),
        o.visitRadiusM(), o.dbPoolSize());
  }

  public OrderBus bus() {
    return new OrderBus(vertx.eventBus());
  }

  public OrderView create(long elderId, ServiceType type, Instant slotStart, Instant slotEnd) {
    return bus().create(new OrderCreate(elderId, type, OrderSource.OPERATOR, slotStart, slotEnd, null, null,
        "op-x", null)).await();
  }

  public OrderView act(long orderId, OrderAction action, Long providerId) {
    return bus().command(new OrderCommand(orderId, action, "actor-" + action.name().toLowerCase(), providerId,
        null, null)).await();
  }

  @Override
  public void close() {
    if (ownsVertx) {
      vertx.close().await();
    }
    if (ownDatabase != null) {
      ownDatabase.close();
    }
  }
}
