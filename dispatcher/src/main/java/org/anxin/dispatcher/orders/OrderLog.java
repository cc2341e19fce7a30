package org.anxin.dispatcher.orders;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderView;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes of one order within one transaction: each is an {@code order_events} row at once, and an
 * {@code order.changed} message once the transaction has committed (with the order as it ended up).
 */
public final class OrderLog {

  private record Entry(OrderChanged.Change change, String actor, JsonObject details) {
  }

  private final Connection connection;
  private final long orderId;
  private final Instant at;
  private final List<Entry> entries = new ArrayList<>();

  public OrderLog(Connection connection, long orderId, Instant at) {
    this.connection = connection;
    this.orderId = orderId;
    this.at = at;
  }

  public Connection connection() {
    return connection;
  }

  public long orderId() {
    return orderId;
  }

  public Instant at() {
    return at;
  }

  public void add(OrderChanged.Change change, String actor, JsonObject details) throws SQLException {
    JsonObject d = details == null ? new JsonObject() : details;
    Jdbc.update(connection, OrderSql.INSERT_EVENT, orderId, at, change.name(), actor, d);
    entries.add(new Entry(change, actor, d));
  }

  /** The order as it is now, read in the same transaction. */
  OrderView current() throws SQLException {
    return Jdbc.one(connection, OrderSql.ORDER, OrderRows::view, orderId).orElseThrow();
  }

  /** The messages to publish after commit, each carrying the order's final state. */
  List<OrderChanged> messages(OrderView order) {
    return entries.stream().map(e -> new OrderChanged(e.change(), e.actor(), at, order, e.details())).toList();
  }
}
