package org.anxin.infra.bus.orders;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.BusRequests;

import java.util.function.Function;

/** The typed way to use {@code order.create}, {@code order.command} (request/reply) and {@code order.changed}. */
public final class OrderBus {

  private final EventBus bus;

  public OrderBus(EventBus bus) {
    this.bus = bus;
  }

  public Future<OrderView> create(OrderCreate request) {
    return BusRequests.unwrap(bus.<JsonObject>request(Addresses.ORDER_CREATE, request.toJson())
        .map(m -> OrderView.fromJson(m.body())));
  }

  public Future<OrderView> command(OrderCommand command) {
    return BusRequests.unwrap(bus.<JsonObject>request(Addresses.ORDER_COMMAND, command.toJson())
        .map(m -> OrderView.fromJson(m.body())));
  }

  public MessageConsumer<JsonObject> serveCreate(Function<OrderCreate, Future<OrderView>> handler) {
    return BusRequests.serve(bus, Addresses.ORDER_CREATE, OrderCreate::fromJson, handler, OrderView::toJson);
  }

  public MessageConsumer<JsonObject> serveCommands(Function<OrderCommand, Future<OrderView>> handler) {
    return BusRequests.serve(bus, Addresses.ORDER_COMMAND, OrderCommand::fromJson, handler, OrderView::toJson);
  }

  public void publishChanged(OrderChanged changed) {
    bus.publish(Addresses.ORDER_CHANGED, changed.toJson());
  }

  public MessageConsumer<JsonObject> onChanged(Handler<OrderChanged> handler) {
    return bus.<JsonObject>consumer(Addresses.ORDER_CHANGED, m -> handler.handle(OrderChanged.fromJson(m.body())));
  }
}
