package org.anxin.dispatcher.orders;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.dispatcher.notify.Channels;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderCommand;
import org.anxin.infra.bus.orders.OrderCreate;
import org.anxin.infra.bus.orders.OrderSource;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Service orders behind 12349: {@code order.create} and {@code order.command} on the bus, and one timer that
 * reassigns orders not accepted within the SLA, flags orders late to be delivered, retries orders no provider had
 * room for, and creates the orders schedules owe for today and tomorrow. Every change goes out on
 * {@code order.changed}; a provider given an order is told by SMS.
 */
public class OrderVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OrderVerticle.class);
  private static final int BATCH = 200;

  private final DispatcherOptions options;
  private final Database database;
  private final Clock clock;
  private final ZoneId zone;
  private final DispatcherMetrics metrics;
  private OrderStore store;
  private OrderBus bus;
  private ProviderNotices providers;
  private boolean scanning;

  public OrderVerticle(DispatcherOptions options, Database database, Clock clock, ZoneId zone,
                       DispatcherMetrics metrics) {
    this.options = options;
    this.database = database;
    this.clock = clock;
    this.zone = zone;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    store = new OrderStore(database, options, zone);
    bus = new OrderBus(vertx.eventBus());
    providers = new ProviderNotices(database, Channels.smsProvider(vertx, options, database, clock), clock);
    return Future.all(bus.serveCreate(this::create).completion(), bus.serveCommands(this::command).completion())
        .onSuccess(v -> vertx.setPeriodic(0, options.orderScan().toMillis(), t -> scan()));
  }

  private Future<OrderView> create(OrderCreate request) {
    return store.create(request, null, clock.instant()).map(created -> publish(created.orElseThrow()));
  }

  private Future<OrderView> command(OrderCommand command) {
    return store.command(command, clock.instant()).map(this::publish);
  }

  /** Publishes the changes and tells a newly assigned provider; the notice does not hold up the answer. */
  private OrderView publish(Orders result) {
    result.changes().forEach(change -> {
      bus.publishChanged(change);
      metrics.orderChange(change.change().name());
    });
    boolean assigned = result.changes().stream().anyMatch(c -> c.change() == OrderChanged.Change.ASSIGNED);
    if (assigned && result.order().state().equals("ASSIGNED")) {
      providers.assigned(result.order());
    }
    return result.order();
  }

  private void scan() {
    if (scanning) {
      return;
    }
    scanning = true;
    store.acceptOverdue(clock.instant(), BATCH).compose(ids -> each(ids, id -> store.acceptTimedOut(id,
            clock.instant())))
        .compose(v -> store.deliveryOverdue(clock.instant(), BATCH))
        .compose(ids -> each(ids, id -> store.deliveryLate(id, clock.instant())))
        .compose(v -> store.unassigned(BATCH))
        .compose(ids -> each(ids, id -> store.retryAssignment(id, clock.instant())))
        .compose(v -> schedule(LocalDate.now(clock.withZone(zone))))
        .compose(v -> schedule(LocalDate.now(clock.withZone(zone)).plusDays(1)))
        .onFailure(e -> LOG.error("Order scan failed", e))
        .onComplete(v -> scanning = false);
  }

  private Future<Void> schedule(LocalDate day) {
    return store.scheduleDue(day, clock.instant()).compose(slots -> each(slots, slot -> store.create(
        new OrderCreate(slot.elderId(), slot.type(), OrderSource.SCHEDULE, slot.slotStart(),
            slot.slotStart().plus(Duration.ofMinutes(slot.slotMinutes())), null, null,
            "schedule:" + slot.scheduleId(), null), slot.scheduleId(), clock.instant())));
  }

  /** Runs one operation per item in turn, publishing what each changed. */
  private <T> Future<Void> each(List<T> items, Function<T, Future<Optional<Orders>>> operation) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : items) {
      chain = chain.compose(v -> operation.apply(item)).map(done -> {
        done.ifPresent(this::publish);
        return null;
      });
    }
    return chain;
  }
}
