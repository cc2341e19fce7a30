package org.anxin.infra.bus.hotline;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.BusRequests;

import java.time.Duration;
import java.util.function.Function;

/** The typed way to use {@code hotline.originate} (request/reply). */
public final class HotlineBus {

  private final EventBus bus;

  public HotlineBus(EventBus bus) {
    this.bus = bus;
  }

  /** Asks the hotline for a call; fails with 503 when no hotline runs or it does not answer within the timeout. */
  public Future<OriginateReply> originate(OriginateRequest request, Duration timeout) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    return BusRequests.unwrap(bus.<JsonObject>request(Addresses.HOTLINE_ORIGINATE, request.toJson(), options)
        .map(m -> OriginateReply.fromJson(m.body())));
  }

  /** The hotline's side. */
  public MessageConsumer<JsonObject> serve(Function<OriginateRequest, Future<OriginateReply>> handler) {
    return BusRequests.serve(bus, Addresses.HOTLINE_ORIGINATE, OriginateRequest::fromJson, handler,
        OriginateReply::toJson);
  }
}
