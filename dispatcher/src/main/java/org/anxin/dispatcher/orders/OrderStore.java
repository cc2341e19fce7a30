package org.anxin.dispatcher.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderCommand;
import org.anxin.infra.bus.orders.OrderCreate;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.bus.orders.ServiceType;
import org.anxin.infra.db.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The orders' database work, one transaction per operation; the changes come back to be published. */
final class OrderStore {

  /** One operation on a locked order; empty when it no longer applies. */
  @FunctionalInterface
  private interface Step {
    boolean run(OrderLog log, OrderView order) throws SQLException;
  }

  /** One slot a schedule owes. */
  record ScheduledSlot(long scheduleId, long elderId, ServiceType type, Instant slotStart, int slotMinutes) {
  }

  private final Database database;
  private final ZoneId zone;
  private final DispatcherOptions options;
  private final Assignment assignment;
  private final OrderTransitions transitions;

  OrderStore(Database database, DispatcherOptions options, ZoneId zone) {
    this.database = database;
    this.zone = zone;
    this.options = options;
    this.assignment = new Assignment(options.acceptSla(), zone);
    this.transitions = new OrderTransitions(assignment, options.returnVisitDue(), options.visitRadiusM());
  }

  /**
   * Creates the order and assigns it when a provider has room. Empty when a schedule's slot already has one; the
   * existing order, unchanged and with nothing to publish, when the request key already has one.
   */
  Future<Optional<Orders>> create(OrderCreate request, Long scheduleId, Instant now) {
    return database.inTransaction(c -> {
      if (Jdbc.one(c, OrderSql.ELDER_EXISTS, rs -> 1, request.elderId()).isEmpty()) {
        throw BusException.notFound("no elder " + request.elderId());
      }
      Instant deliverBy = request.slotEnd() != null ? request.slotEnd()
          : (request.slotStart() != null ? request.slotStart() : now).plus(options.deliverSla());
      Optional<Long> id = Jdbc.one(c, OrderSql.INSERT, rs -> rs.getLong(1), request.elderId(), request.type(),
          request.source(), request.slotStart(), request.slotEnd(), request.callId(), request.alarmId(),
          request.createdBy(), now, request.notes(), deliverBy, scheduleId, request.requestKey());
      if (id.isEmpty()) {
        return request.requestKey() == null ? Optional.empty() : Optional.of(alreadyCreated(c, request));
      }
      OrderLog log = new OrderLog(c, id.get(), now);
      log.add(OrderChanged.Change.CREATED, request.createdBy(), new JsonObject().put("source",
          request.source().name()));
      assignment.assign(log, log.current(), true);
      return Optional.of(finish(log));
    });
  }

  /** The order an earlier request with the same key created; 409 when that one is for another elder or type. */
  private static Orders alreadyCreated(Connection c, OrderCreate request) throws SQLException {
    OrderView order = Jdbc.one(c, OrderSql.ORDER_BY_REQUEST_KEY, OrderRows::view, request.requestKey())
        .orElseThrow(() -> new IllegalStateException("order with key " + request.requestKey() + " not found"));
    if (order.elderId() != request.elderId() || !order.type().equals(request.type().name())) {
      throw BusException.conflict("request key " + request.requestKey() + " already made order " + order.id()
          + " (" + order.type() + " for elder " + order.elderId() + ")");
    }
    return new Orders(order, List.of());
  }

  Future<Orders> command(OrderCommand command, Instant now) {
    return database.inTransaction(c -> {
      OrderView order = lock(c, command.orderId())
          .orElseThrow(() -> BusException.notFound("no order " + command.orderId()));
      OrderLog log = new OrderLog(c, order.id(), now);
      transitions.apply(log, order, command);
      return finish(log);
    });
  }

  /** The provider let the accept SLA pass: flag it late and give it to the next provider. */
  Future<Optional<Orders>> acceptTimedOut(long orderId, Instant now) {
    return onLocked(orderId, now, (log, order) -> {
      if (!order.state().equals("ASSIGNED")) {
        return false;
      }
      Jdbc.update(log.connection(), OrderSql.FLAG_LATE_ACCEPT, order.id());
      Jdbc.update(log.connection(), OrderSql.UNASSIGN, order.id());
      JsonObject provider = new JsonObject().put("providerId", order.providerId());
      log.add(OrderChanged.Change.ACCEPT_TIMEOUT, Orders.ACTOR, provider);
      log.add(OrderChanged.Change.SLA_LATE_ACCEPT, Orders.ACTOR, provider.copy());
      assignment.assign(log, log.current(), true);
      return true;
    });
  }

  Future<Optional<Orders>> deliveryLate(long orderId, Instant now) {
    return onLocked(orderId, now, (log, order) -> {
      Jdbc.update(log.connection(), OrderSql.FLAG_LATE_DELIVERY, order.id());
      log.add(OrderChanged.Change.SLA_LATE_DELIVERY, Orders.ACTOR, new JsonObject().put("state", order.state()));
      return true;
    });
  }

  /** Tries again to assign an order no provider had room for. */
  Future<Optional<Orders>> retryAssignment(long orderId, Instant now) {
    return onLocked(orderId, now, (log, order) -> order.state().equals("NEW")
        && assignment.assign(log, order, false));
  }

  Future<List<Long>> acceptOverdue(Instant now, int limit) {
    return database.withConnection(c -> Jdbc.list(c, OrderSql.ACCEPT_OVERDUE, rs -> rs.getLong(1), now, limit));
  }

  Future<List<Long>> deliveryOverdue(Instant now, int limit) {
    return database.withConnection(c -> Jdbc.list(c, OrderSql.DELIVERY_OVERDUE, rs -> rs.getLong(1), now, limit));
  }

  Future<List<Long>> unassigned(int limit) {
    return database.withConnection(c -> Jdbc.list(c, OrderSql.UNASSIGNED, rs -> rs.getLong(1), limit));
  }

  /** The slots schedules owe on a local day that have no order yet. */
  Future<List<ScheduledSlot>> scheduleDue(LocalDate day, Instant now) {
    return database.withConnection(c -> Jdbc.list(c, OrderSql.SCHEDULE_DUE, rs -> new ScheduledSlot(
        rs.getLong("schedule_id"), rs.getLong("elder_id"), ServiceType.valueOf(rs.getString("type")),
        Jdbc.instant(rs, "slot_start"), rs.getInt("slot_minutes")), day, zone.getId(), now));
  }

  private Future<Optional<Orders>> onLocked(long orderId, Instant now, Step step) {
    return database.inTransaction(c -> {
      Optional<OrderView> order = lock(c, orderId);
      if (order.isEmpty()) {
        return Optional.empty();
      }
      OrderLog log = new OrderLog(c, orderId, now);
      return step.run(log, order.get()) ? Optional.of(finish(log)) : Optional.empty();
    });
  }

  private static Optional<OrderView> lock(Connection c, long orderId) throws SQLException {
    return Jdbc.one(c, OrderSql.ORDER_FOR_UPDATE, OrderRows::view, orderId);
  }

  private static Orders finish(OrderLog log) throws SQLException {
    OrderView order = log.current();
    return new Orders(order, log.messages(order));
  }
}
