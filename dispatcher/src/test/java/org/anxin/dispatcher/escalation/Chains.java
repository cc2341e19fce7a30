package org.anxin.dispatcher.escalation;

import org.anxin.infra.testing.Await;
import org.anxin.dispatcher.testing.Dispatcher;
import org.anxin.dispatcher.testing.DispatcherDb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reading an escalation chain back from the database and the recorded stream. */
final class Chains {

  private final DispatcherDb db;

  Chains(DispatcherDb db) {
    this.db = db;
  }

  int step(long alarm) {
    return (int) db.number("SELECT escalation_step FROM alarms WHERE id = ?", alarm);
  }

  /** When the alarm's next step is (or was) due. */
  Instant due(long alarm) {
    return Instant.ofEpochMilli(db.number("SELECT (EXTRACT(EPOCH FROM next_escalation_at) * 1000)::bigint "
        + "FROM alarms WHERE id = ?", alarm));
  }

  /** Waits (an absence must be waited for) until the instant has passed by a margin. */
  static void waitPast(Instant at) {
    Await.until(Duration.ofSeconds(30), "past " + at, () -> Instant.now().isAfter(at.plusMillis(300)));
  }

  /** {@code recipient|channel} of every notification of one step. */
  List<String> notified(long alarm, int step) {
    return db.strings("SELECT recipient || '|' || channel FROM notifications WHERE alarm_id = ? AND step = ? "
        + "ORDER BY 1", alarm, step);
  }

  /** The user ids that got a stream notice for one step. */
  static List<Long> streamed(Dispatcher dispatcher, long alarm, int step) {
    return dispatcher.stream.stream().filter(n -> n.key().startsWith("alarm:" + alarm + "|step:" + step + "|"))
        .flatMap(n -> n.userIds().stream()).toList();
  }

  long millisBetweenSteps(long alarm, int from, int to) {
    return db.number("SELECT (EXTRACT(EPOCH FROM b.at - a.at) * 1000)::bigint FROM alarm_events a, alarm_events b "
        + "WHERE a.idempotency_key = ? AND b.idempotency_key = ?", "escalation|" + alarm + "|" + from,
        "escalation|" + alarm + "|" + to);
  }
}
