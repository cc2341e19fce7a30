package org.anxin.dispatcher.escalation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.dispatcher.notify.ChannelKind;
import org.anxin.dispatcher.notify.Notification;
import org.anxin.dispatcher.notify.NotifySql;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.db.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation's database work. A step is one transaction: the alarm locked, the notifications written (keyed,
 * so a repeat of the same step adds none), the step and the next deadline stored, the step event appended. Sending
 * happens after the commit, so a crash in between leaves PENDING notifications that the next start delivers.
 */
final class EscalationStore {

  static final String ACTOR = "dispatcher";

  private final Database database;
  private final DispatcherOptions options;

  EscalationStore(Database database, DispatcherOptions options) {
    this.database = database;
    this.options = options;
  }

  Future<List<Long>> due(Instant now, int limit) {
    return database.withConnection(c -> Jdbc.list(c, EscalationSql.DUE, rs -> rs.getLong(1), now, limit));
  }

  /** Open alarms whose next step lies ahead, with its deadline. */
  Future<Map<Long, Instant>> waiting(Instant now) {
    return database.withConnection(c -> {
      Map<Long, Instant> out = new LinkedHashMap<>();
      for (Object[] r : Jdbc.list(c, EscalationSql.WAITING, rs -> new Object[] {rs.getLong(1),
          Jdbc.instant(rs, "next_escalation_at")}, now)) {
        out.put((Long) r[0], (Instant) r[1]);
      }
      return out;
    });
  }

  /** Notifications a crash left PENDING, with their alarm as it is now. */
  Future<List<Notification>> pending(int limit) {
    String sql = NotifySql.PENDING.formatted(EscalationSql.ALARM_COLUMNS);
    return database.withConnection(c -> Jdbc.list(c, sql, rs -> {
      AlarmView alarm = AlarmRows.view(rs);
      return new Notification(rs.getLong("alarm_id"), alarm.elderId(), rs.getInt("step"), rs.getString("recipient"),
          rs.getString("recipient_name"), Jdbc.nullableLong(rs, "user_id"), rs.getString("address"),
          ChannelKind.valueOf(rs.getString("channel")), rs.getString("idempotency_key"), rs.getString("body"),
          alarm.toJson());
    }, limit));
  }

  Future<AlarmView> view(long alarmId) {
    return database.withConnection(c -> Jdbc.one(c, EscalationSql.ALARM, AlarmRows::view, alarmId)
        .orElseThrow(() -> BusException.notFound("no alarm " + alarmId)));
  }

  /** Takes the alarm's next step if it is open and due; empty when not (acknowledged, not due, held elsewhere). */
  Future<Optional<StepTaken>> takeStep(long alarmId, Instant now) {
    return database.inTransaction(c -> {
      Optional<AlarmView> locked = Jdbc.one(c, EscalationSql.ALARM_FOR_STEP, AlarmRows::view, alarmId);
      if (locked.isEmpty() || !isDue(locked.get(), now)) {
        return Optional.empty();
      }
      return Optional.of(step(c, locked.get(), now));
    });
  }

  Future<AlarmView> command(AlarmCommand command, Instant now) {
    return database.inTransaction(c -> {
      AlarmView alarm = Jdbc.one(c, EscalationSql.ALARM_FOR_UPDATE, AlarmRows::view, command.alarmId())
          .orElseThrow(() -> BusException.notFound("no alarm " + command.alarmId()));
      AlarmTransitions.check(alarm, command.action());
      AlarmTransitions.apply(c, alarm, command, now);
      event(c, alarm.id(), now, AlarmTransitions.changeOf(command.action()).name(), command.actor(), null,
          new JsonObject().put("from", alarm.state()).put("note", command.note()), null);
      return Jdbc.one(c, EscalationSql.ALARM, AlarmRows::view, command.alarmId()).orElseThrow();
    });
  }

  private static boolean isDue(AlarmView a, Instant now) {
    if (!a.state().equals("OPEN")) {
      return false;
    }
    return a.nextEscalationAt() == null ? a.escalationStep() == 0 : !a.nextEscalationAt().isAfter(now);
  }

  private StepTaken step(Connection c, AlarmView alarm, Instant now) throws SQLException {
    Policy policy = Policies.load(c, alarm.priority(), alarm.type());
    int n = alarm.escalationStep() + 1;
    AlarmScope scope = scope(c, alarm.id());
    boolean repeat = policy.repeats(n);
    boolean flagNow = repeat && !alarm.supervisorFlag();
    Instant next = now.plus(options.scaled(policy.waitAfterS(n)));
    AlarmView after = Jdbc.one(c, EscalationSql.RECORD_STEP, AlarmRows::view, n, next, repeat, alarm.id())
        .orElseThrow();
    List<Notification> planned = plan(c, after, scope, policy.step(n), n, now);
    List<Notification> written = NotifySql.insertNew(c, alarm.id(), n, planned, now);
    event(c, alarm.id(), now, "ESCALATED", ACTOR, null, new JsonObject().put("step", n).put("repeat", repeat)
        .put("policyStep", policy.step(n).number()).put("notifications", written.size())
        .put("nextEscalationAt", next.toEpochMilli()), "escalation|" + alarm.id() + "|" + n);
    if (flagNow) {
      event(c, alarm.id(), now, "SUPERVISOR_FLAGGED", ACTOR, null, new JsonObject().put("step", n),
          "flag|" + alarm.id());
    }
    return new StepTaken(after, n, repeat, flagNow, written);
  }

  /** Whom the alarm is about and where. */
  static AlarmScope scope(Connection c, long alarmId) throws SQLException {
    return Jdbc.one(c, EscalationSql.SCOPE, rs -> new AlarmScope(Jdbc.nullableLong(rs, "household_id"),
        rs.getString("address"), Jdbc.nullableLong(rs, "village_id"), Jdbc.nullableLong(rs, "township_id"),
        (Long[]) rs.getArray("elder_ids").getArray(), rs.getString("names")), alarmId).orElseThrow();
  }

  private static List<Notification> plan(Connection c, AlarmView alarm, AlarmScope scope, Policy.Step step, int n,
                                         Instant now) throws SQLException {
    Map<String, Notification> byKey = new LinkedHashMap<>();
    Long elderId = scope.elderOf(alarm);
    for (Policy.Target target : step.targets()) {
      for (Recipient r : Recipients.resolve(c, scope, target, now)) {
        for (ChannelKind channel : target.channels()) {
          String address = r.address(channel);
          if (address != null) {
            String key = Notification.key(alarm.id(), n, r.ref(), channel);
            byKey.putIfAbsent(key, new Notification(alarm.id(), elderId, n, r.ref(), r.name(), r.userId(), address,
                channel, key, Messages.text(alarm, scope, target.kind(), n), alarm.toJson()));
          }
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  /** Appends an alarm event; false when an event of that key was already there (nothing written). */
  static boolean event(Connection c, long alarmId, Instant at, String kind, String actor, String channel,
                       JsonObject details, String key) throws SQLException {
    return Jdbc.update(c, EscalationSql.INSERT_EVENT, alarmId, at, kind, actor, channel, details, key) > 0;
  }
}
