package org.anxin.dispatcher.notify;

import org.anxin.infra.db.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Every statement of the notifications, the SMS outbox and the dead letters; all parameterised. */
public final class NotifySql {

  /**
   * Writes a step's notifications and their NOTIFICATION events in one statement; answers the keys that were new.
   * Parameters: recipients, names, user ids, addresses, channels, keys, bodies (arrays, in step), alarm id, step,
   * now.
   */
  static final String INSERT = """
      WITH planned AS (
        SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS text[]),
                             CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
          AS t (recipient, recipient_name, user_id, address, channel, idempotency_key, body)),
      inserted AS (
        INSERT INTO notifications (alarm_id, step, recipient, recipient_name, user_id, address, channel,
                                   idempotency_key, body, created_at)
        SELECT CAST(? AS bigint), CAST(? AS int), recipient, recipient_name, user_id, address, channel,
               idempotency_key, body, CAST(? AS timestamptz)
        FROM planned
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING alarm_id, step, recipient, recipient_name, user_id, channel, idempotency_key, created_at),
      events AS (
        INSERT INTO alarm_events (alarm_id, at, kind, actor, channel, details, idempotency_key)
        SELECT alarm_id, created_at, 'NOTIFICATION', recipient, channel,
               jsonb_build_object('step', step, 'recipient', recipient, 'name', recipient_name, 'userId', user_id,
                                  'channel', channel, 'key', idempotency_key),
               'notify|' || idempotency_key
        FROM inserted
        ON CONFLICT (idempotency_key) DO NOTHING)
      SELECT idempotency_key FROM inserted""";

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
  public static List<Notification> insertNew(Connection c, long alarmId, int step, List<Notification> planned,
                                             Instant now) throws SQLException {
    if (planned.isEmpty()) {
      return List.of();
    }
    Set<String> fresh = new HashSet<>(Jdbc.list(c, INSERT, rs -> rs.getString(1),
        column(planned, Notification::recipient), column(planned, Notification::recipientName),
        planned.stream().map(Notification::userId).toArray(Long[]::new), column(planned, Notification::address),
        column(planned, n -> n.channel().name()), column(planned, Notification::key),
        column(planned, Notification::body), alarmId, step, now));
    return planned.stream().filter(n -> fresh.contains(n.key())).toList();
  }

  private static String[] column(List<Notification> planned, Function<Notification, String> field) {
    return planned.stream().map(field).toArray(String[]::new);
  }
}
