package org.anxin.dispatcher.notify;

import io.vertx.core.Future;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.db.Database;

import java.time.Clock;

/** The demo's SMS provider: keeps what would have been sent in {@code sms_outbox}, once per idempotency key. */
public final class OutboxSmsProvider implements SmsProvider {

  private final Database database;
  private final Clock clock;

  public OutboxSmsProvider(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Future<Void> send(SmsMessage message) {
    return database.withConnection(c -> Jdbc.update(c, NotifySql.OUTBOX, message.key(), message.phone(),
        message.text(), clock.instant())).mapEmpty();
  }
}
