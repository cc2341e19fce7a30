package org.anxin.infra.bus.calls;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.BusRequests;

import java.time.Duration;
import java.util.function.Function;

/** The typed way to use {@code call.event} (publish) and {@code hotline.request} (request/reply). */
public final class CallBus {

  private final EventBus bus;

  public CallBus(EventBus bus) {
    this.bus = bus;
  }

  public void publish(CallEvent event) {
    bus.publish(Addresses.CALL_EVENT, event.toJson());
  }

  public MessageConsumer<JsonObject> onEvent(Handler<CallEvent> handler) {
    return bus.<JsonObject>consumer(Addresses.CALL_EVENT, m -> handler.handle(CallEvent.fromJson(m.body())));
  }

  /** Asks the hotline; fails with a {@link org.anxin.infra.bus.BusException} (503 when no hotline answers). */
  public Future<HotlineAnswer> request(HotlineRequest request, Duration timeout) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    return BusRequests.unwrap(bus.<JsonObject>request(Addresses.HOTLINE_REQUEST, request.toJson(), options)
        .map(m -> HotlineAnswer.fromJson(m.body())));
  }

  /** The hotline's side. */
  public MessageConsumer<JsonObject> serve(Function<HotlineRequest, Future<HotlineAnswer>> handler) {
    return BusRequests.serve(bus, Addresses.HOTLINE_REQUEST, HotlineRequest::fromJson, handler,
        HotlineAnswer::toJson);
  }
}
