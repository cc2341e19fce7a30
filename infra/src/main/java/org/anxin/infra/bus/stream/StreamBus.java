package org.anxin.infra.bus.stream;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Addresses;

/** The typed way to publish and consume {@code notify.stream}. */
public final class StreamBus {

  private final EventBus bus;

  public StreamBus(EventBus bus) {
    this.bus = bus;
  }

  public void publish(StreamNotice notice) {
    bus.publish(Addresses.NOTIFY_STREAM, notice.toJson());
  }

  public MessageConsumer<JsonObject> onNotice(Handler<StreamNotice> handler) {
    return bus.<JsonObject>consumer(Addresses.NOTIFY_STREAM, m -> handler.handle(StreamNotice.fromJson(m.body())));
  }
}
