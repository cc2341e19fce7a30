package org.anxin.console.stream;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import org.anxin.infra.alarm.AlarmBus;
import org.anxin.infra.bus.calls.CallBus;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.bus.stream.StreamNotice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the hub from the bus: {@code alarm.changed}, {@code alarm.raised}, {@code order.changed},
 * {@code notify.stream} (a repeated notification key is dropped) and {@code call.event} (screen pops).
 */
public final class StreamFeed {

  private static final int REMEMBERED_KEYS = 10_000;

  private final StreamHub hub;
  private final Map<String, Boolean> seenKeys = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_KEYS;
    }
  };

  public StreamFeed(StreamHub hub) {
    this.hub = hub;
  }

  /** Starts consuming; the future completes once every consumer is registered. */
  public Future<Void> listen(EventBus bus) {
    List<MessageConsumer<?>> consumers = List.of(
        new DispatchBus(bus).onChanged(c -> hub.publish("alarm", Audiences.alarm(c))),
        new AlarmBus(bus).onRaised(r -> hub.publish("alarm-raised", Audiences.raised(r))),
        new OrderBus(bus).onChanged(c -> hub.publish("order", Audiences.order(c))),
        new StreamBus(bus).onNotice(this::notice),
        new CallBus(bus).onEvent(e -> hub.publish("call", Audiences.call(e.toJson()))));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private void notice(StreamNotice notice) {
    if (notice.key() != null && seenKeys.put(notice.key(), Boolean.TRUE) != null) {
      return;
    }
    hub.publish("notice", Audiences.notice(notice));
  }
}
