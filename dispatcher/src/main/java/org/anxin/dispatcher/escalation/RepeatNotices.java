package org.anxin.dispatcher.escalation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.dispatcher.notify.ChannelKind;
import org.anxin.dispatcher.notify.Notification;
import org.anxin.dispatcher.notify.NotifySql;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A new occurrence of an alarm someone has already taken on (ACKNOWLEDGED or ON_SITE): the SOS pressed again while
 * the carer is on the way. The person who acknowledged it is told at once, on the stream and by SMS, and the
 * operators on the stream. An OPEN alarm is left to its escalation, a closed one to rest. No state changes: one
 * transaction writes the notifications, keyed on the occurrence so that a second report of it notifies nobody
 * again, and a {@code REPEAT_NOTIFIED} event; the alarm is locked so that repeats of one alarm are judged one after
 * the other. At most one SMS per alarm in {@code smsInterval}; the stream notices go every time. Occurrences whose
 * {@code alarm.stored} no dispatcher heard are found by {@link #unnoticed} and go through the same {@link #notice}.
 */
final class RepeatNotices {

  /** What a repeat led to. */
  enum Result { NOTIFIED, DUPLICATE, SKIPPED }

  /** The result and the notifications written, to be delivered now. */
  record Outcome(Result result, List<Notification> notifications) {
  }

  /** An occurrence of an alarm, named by its raising key. */
  record Occurrence(long alarmId, String key) {
  }

  private static final Set<String> TAKEN_ON = Set.of("ACKNOWLEDGED", "ON_SITE");

  private record Locked(AlarmView alarm, int occurrences) {
  }

  private final Database database;
  private final Duration smsInterval;

  RepeatNotices(Database database, Duration smsInterval) {
    this.database = database;
    this.smsInterval = smsInterval;
  }

  /** Occurrences recorded since {@code since}, after their alarm was taken on, that no repeat notice covers. */
  Future<List<Occurrence>> unnoticed(Instant since, int limit) {
    return database.withConnection(c -> Jdbc.list(c, EscalationSql.UNNOTICED_REPEATS,
        rs -> new Occurrence(rs.getLong(1), rs.getString(2)), since, limit));
  }

  Future<Outcome> notice(long alarmId, String occurrenceKey, Instant now) {
    return database.inTransaction(c -> {
      Optional<Locked> locked = Jdbc.one(c, EscalationSql.ALARM_WITH_OCCURRENCES_FOR_UPDATE,
          rs -> new Locked(AlarmRows.view(rs), rs.getInt("occurrences")), alarmId);
      if (locked.isEmpty() || !TAKEN_ON.contains(locked.get().alarm().state())) {
        return new Outcome(Result.SKIPPED, List.of());
      }
      return notice(c, locked.get(), occurrenceKey, now);
    });
  }

  private Outcome notice(Connection c, Locked locked, String occurrenceKey, Instant now) throws SQLException {
    AlarmView alarm = locked.alarm();
    boolean smsAllowed = smsAllowed(c, alarm.id(), now);
    List<Notification> planned = plan(c, locked, occurrenceKey, smsAllowed);
    JsonObject details = new JsonObject().put("occurrenceKey", occurrenceKey)
        .put("occurrences", locked.occurrences()).put("state", alarm.state())
        .put("acknowledgedBy", alarm.acknowledgedBy()).put("notifications", planned.size())
        .put("smsHeld", !smsAllowed);
    if (!EscalationStore.event(c, alarm.id(), now, "REPEAT_NOTIFIED", EscalationStore.ACTOR, null, details,
        "repeat|" + alarm.id() + "|" + occurrenceKey)) {
      return new Outcome(Result.DUPLICATE, List.of());
    }
    return new Outcome(Result.NOTIFIED,
        NotifySql.insertNew(c, alarm.id(), Notification.REPEAT_STEP, planned, now));
  }

  /** Whether no repeat SMS of this alarm was written within the interval. */
  private boolean smsAllowed(Connection c, long alarmId, Instant now) throws SQLException {
    Instant last = Jdbc.one(c, EscalationSql.LAST_REPEAT_SMS, rs -> Jdbc.instant(rs, "created_at"), alarmId,
        Notification.REPEAT_STEP).orElse(null);
    return last == null || !last.plus(smsInterval).isAfter(now);
  }

  /** The acknowledger on the stream and (unless held) by SMS, every operator on the stream; one each. */
  private static List<Notification> plan(Connection c, Locked locked, String occurrenceKey, boolean smsAllowed)
      throws SQLException {
    AlarmView alarm = locked.alarm();
    AlarmScope scope = EscalationStore.scope(c, alarm.id());
    Long elderId = scope.elderOf(alarm);
    String text = Messages.repeatText(alarm, scope, locked.occurrences());
    Map<String, Notification> byKey = new LinkedHashMap<>();
    for (Recipient r : Recipients.acknowledger(c, alarm.acknowledgedBy())) {
      add(byKey, alarm, elderId, occurrenceKey, r, ChannelKind.STREAM, text);
      if (smsAllowed) {
        add(byKey, alarm, elderId, occurrenceKey, r, ChannelKind.SMS, text);
      }
    }
    for (Recipient r : Recipients.operators(c)) {
      add(byKey, alarm, elderId, occurrenceKey, r, ChannelKind.STREAM, text);
    }
    return List.copyOf(byKey.values());
  }

  private static void add(Map<String, Notification> byKey, AlarmView alarm, Long elderId, String occurrenceKey,
                          Recipient r, ChannelKind channel, String text) {
    String address = r.address(channel);
    if (address != null) {
      String key = Notification.repeatKey(alarm.id(), occurrenceKey, r.ref(), channel);
      byKey.putIfAbsent(key, new Notification(alarm.id(), elderId, Notification.REPEAT_STEP, r.ref(), r.name(),
          r.userId(), address, channel, key, text, alarm.toJson()));
    }
  }
}
