package org.anxin.dispatcher.notify;

import io.vertx.core.Future;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.bus.stream.StreamNotice;

import java.util.List;

/** The live stream: a {@code notify.stream} message naming the user; the console forwards it to their SSE stream. */
public final class StreamChannel implements Channel {

  private final StreamBus bus;

  public StreamChannel(StreamBus bus) {
    this.bus = bus;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.STREAM;
  }

  @Override
  public Future<Void> deliver(Notification n) {
    bus.publish(new StreamNotice(List.of(n.userId()), n.key(), "alarm:" + n.alarmId(), n.elderId(), n.body(),
        n.alarm()));
    return Future.succeededFuture();
  }
}
