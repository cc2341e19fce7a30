package org.anxin.dispatcher.notify;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends notifications through their channels and records each result: the notification row SENT or FAILED, an
 * alarm event (NOTIFIED or DELIVERY_FAILED) and its {@code alarm.changed}. A failed delivery does not stop the
 * escalation; the next step goes on regardless.
 */
public final class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final Database database;
  private final Map<ChannelKind, Channel> channels = new EnumMap<>(ChannelKind.class);
  private final DispatchBus bus;
  private final Clock clock;
  private final DispatcherMetrics metrics;

  public Notifier(Database database, List<Channel> channels, DispatchBus bus, Clock clock,
                  DispatcherMetrics metrics) {
    this.database = database;
    channels.forEach(ch -> this.channels.put(ch.kind(), ch));
    this.bus = bus;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Delivers every notification at once; completes when all results are recorded, whatever they were. */
  public Future<Void> deliver(List<Notification> notifications) {
    return Future.join(notifications.stream().map(this::deliverOne).toList()).mapEmpty();
  }

  /** Marks a notification left PENDING whose alarm was acknowledged meanwhile: there is nothing to send any more. */
  public Future<Void> cancel(Notification n, String reason) {
    return database.withConnection(c -> Jdbc.update(c, NotifySql.FINISH, "CANCELLED", clock.instant(), reason,
        n.key())).onFailure(e -> LOG.warn("Cancelling notification {} failed: {}", n.key(), e.getMessage()))
        .mapEmpty();
  }

  private Future<Void> deliverOne(Notification n) {
    Channel channel = channels.get(n.channel());
    Future<Void> sent = channel == null
        ? Future.failedFuture("no " + n.channel() + " channel configured") : channel.deliver(n);
    return sent.transform(result -> record(n, result));
  }

  private Future<Void> record(Notification n, AsyncResult<Void> result) {
    Instant now = clock.instant();
    boolean ok = result.succeeded();
    String error = ok ? null : String.valueOf(result.cause().getMessage());
    AlarmChanged.Change change = ok ? AlarmChanged.Change.NOTIFIED : AlarmChanged.Change.DELIVERY_FAILED;
    var details = Deliveries.details(n).put("error", error);
    metrics.notification(n.channel().name(), ok);
    if (!ok) {
      LOG.warn("Notification {} failed: {}", n.key(), error);
    }
    return database.withConnection(c -> {
      Jdbc.update(c, NotifySql.FINISH, ok ? "SENT" : "FAILED", now, error, n.key());
      return Jdbc.update(c, NotifySql.INSERT_EVENT, n.alarmId(), now, change.name(), n.recipient(),
          n.channel().name(), details, "delivery|" + n.key());
    }).onSuccess(v -> bus.publishChanged(new AlarmChanged(change, n.recipient(), now, AlarmView.fromJson(n.alarm()),
        details))).recover(e -> {
          LOG.error("Recording the result of notification {} failed", n.key(), e);
          return Future.succeededFuture();
        }).mapEmpty();
  }
}
