package org.anxin.infra.bus.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.BusRequests;

import java.util.function.Function;

/** The typed way to use {@code alarm.command} (request/reply) and {@code alarm.changed} (publish). */
public final class DispatchBus {

  private final EventBus bus;

  public DispatchBus(EventBus bus) {
    this.bus = bus;
  }

  /** Asks the dispatcher for a state change; fails with a {@link org.anxin.infra.bus.BusException}. */
  public Future<AlarmView> command(AlarmCommand command) {
    return BusRequests.unwrap(bus.<JsonObject>request(Addresses.ALARM_COMMAND, command.toJson())
        .map(m -> AlarmView.fromJson(m.body())));
  }

  /** The dispatcher's side of {@code alarm.command}. */
  public MessageConsumer<JsonObject> serveCommands(Function<AlarmCommand, Future<AlarmView>> handler) {
    return BusRequests.serve(bus, Addresses.ALARM_COMMAND, AlarmCommand::fromJson, handler, AlarmView::toJson);
  }

  public void publishChanged(AlarmChanged changed) {
    bus.publish(Addresses.ALARM_CHANGED, changed.toJson());
  }

  public MessageConsumer<JsonObject> onChanged(Handler<AlarmChanged> handler) {
    return bus.<JsonObject>consumer(Addresses.ALARM_CHANGED, m -> handler.handle(AlarmChanged.fromJson(m.body())));
  }
}
