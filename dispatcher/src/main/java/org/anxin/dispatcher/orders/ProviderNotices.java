package org.anxin.dispatcher.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.dispatcher.notify.SmsMessage;
import org.anxin.dispatcher.notify.SmsProvider;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Tells a provider by SMS that an order was assigned to it, keyed per assignment ({@code order:<id>|assigned:<ms>|
 * provider:<id>}) so a webhook that honours the key sends it once; the result is an order event
 * ({@code PROVIDER_NOTIFIED} or {@code PROVIDER_NOTIFY_FAILED}). Providers answer through {@code order.command}.
 */
final class ProviderNotices {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderNotices.class);

  private final Database database;
  private final SmsProvider sms;
  private final Clock clock;

  ProviderNotices(Database database, SmsProvider sms, Clock clock) {
    this.database = database;
    this.sms = sms;
    this.clock = clock;
  }

  Future<Void> assigned(OrderView order) {
    long provider = order.providerId();
    String key = "order:" + order.id() + "|assigned:" + order.assignedAt().toEpochMilli() + "|provider:" + provider;
    return database.withConnection(c -> Jdbc.one(c, OrderSql.PROVIDER_PHONE, rs -> rs.getString(1), provider))
        .compose(phone -> phone.filter(p -> !p.isBlank())
            .map(p -> sms.send(new SmsMessage(key, p, text(order))))
            .orElse(Future.failedFuture("provider " + provider + " has no phone")))
        .transform(result -> record(order, key, result.succeeded() ? null : result.cause().getMessage()));
  }

  private Future<Void> record(OrderView order, String key, String error) {
    JsonObject details = new JsonObject().put("providerId", order.providerId()).put("key", key).put("error", error);
    if (error != null) {
      LOG.warn("Provider notice {} failed: {}", key, error);
    }
    return database.withConnection(c -> Jdbc.update(c, OrderSql.INSERT_EVENT, order.id(), clock.instant(),
        error == null ? "PROVIDER_NOTIFIED" : "PROVIDER_NOTIFY_FAILED", Orders.ACTOR, details)).mapEmpty();
  }

  private static String text(OrderView order) {
    return "[12349] " + order.type() + " order " + order.id() + " for elder " + order.elderId()
        + (order.slotStart() == null ? ", as soon as possible" : ", slot " + order.slotStart())
        + ". Please accept or refuse.";
  }
}
