package org.anxin.infra.alarm;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Addresses;

/** The typed way to publish and consume {@code alarm.raised} and {@code alarm.stored}. */
public final class AlarmBus {

  private final EventBus bus;

  public AlarmBus(EventBus bus) {
    this.bus = bus;
  }

  public void publishRaised(AlarmRaised raised) {
    bus.publish(Addresses.ALARM_RAISED, raised.toJson());
  }

  public void publishStored(AlarmStored stored) {
    bus.publish(Addresses.ALARM_STORED, stored.toJson());
  }

  public MessageConsumer<JsonObject> onRaised(Handler<AlarmRaised> handler) {
    return bus.<JsonObject>consumer(Addresses.ALARM_RAISED, m -> handler.handle(AlarmRaised.fromJson(m.body())));
  }

  public MessageConsumer<JsonObject> onStored(Handler<AlarmStored> handler) {
    return bus.<JsonObject>consumer(Addresses.ALARM_STORED, m -> handler.handle(AlarmStored.fromJson(m.body())));
  }
}
