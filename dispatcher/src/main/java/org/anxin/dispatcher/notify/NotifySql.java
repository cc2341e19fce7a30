package org.anxin.dispatcher.notify;

import org.anxin.dispatcher.sql.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every statement of the notifications, the SMS outbox and the dead letters; all parameterised. */
public final class NotifySql {

  static final String INSERT = """
      INSERT INTO notifications (alarm_id, step, recipient, recipient_name, user_id, address, channel,
                                 idempotency_key, body, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id""";

  static final String INSERT_EVENT = """
      INSERT INTO alarm_events (alarm_id, at, kind, actor, channel, details, idempotency_key)
      VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (idempotency_key) DO NOTHING""";

  static final String FINISH = """
      UPDATE notifications SET status = ?, attempts = attempts + 1, done_at = ?, last_error = ?
      WHERE idempotency_key = ? AND status = 'PENDING'""";

  /** PENDING notifications left by a crash, with their alarm's columns (prefixed {@code a.}). */
  public static final String PENDING = """
      SELECT n.alarm_id, n.step, n.recipient, n.recipient_name, n.user_id, n.address, n.channel, n.idempotency_key,
             n.body, %s
      FROM notifications n JOIN alarms a ON a.id = n.alarm_id
      WHERE n.status = 'PENDING' ORDER BY n.id LIMIT ?""";

  static final String OUTBOX = """
      INSERT INTO sms_outbox (idempotency_key, phone, body, created_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO NOTHING""";

  static final String DEAD_LETTER = """
      INSERT INTO sms_dead_letters (idempotency_key, phone, body, attempts, last_error, failed_at)
      VALUES (?, ?, ?, ?, ?, ?)""";

  private NotifySql() {
  }

  /**
   * Writes the planned notifications with their NOTIFICATION events and returns those that were new: a key already
   * written (the same step taken twice after a crash) is skipped, so nobody is notified twice for one step.
   */
  public static List<Notification> insertNew(Connection c, List<Notification> planned, Instant now)
      throws SQLException {
    List<Notification> fresh = new ArrayList<>();
    for (Notification n : planned) {
      boolean inserted = Jdbc.one(c, INSERT, rs -> rs.getLong(1), n.alarmId(), n.step(), n.recipient(),
          n.recipientName(), n.userId(), n.address(), n.channel(), n.key(), n.body(), now).isPresent();
      if (inserted) {
        Jdbc.update(c, INSERT_EVENT, n.alarmId(), now, "NOTIFICATION", n.recipient(), n.channel().name(),
            Deliveries.details(n), "notify|" + n.key());
        fresh.add(n);
      }
    }
    return fresh;
  }
}
