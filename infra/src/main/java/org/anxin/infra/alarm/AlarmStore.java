package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmStored.Outcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC half of raising: each call runs inside the caller's transaction on a connection with auto-commit off.
 * One open alarm per subject and type: the schema's unique indexes on open alarms per subject decide a race between
 * two raisers (the loser adds an occurrence to the winner's alarm). Every raise,
 * occurrence and clearing writes one {@code alarm_events} row whose unique {@code idempotency_key} makes a replay
 * add nothing.
 */
public final class AlarmStore {

  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * Raises the alarm, or adds an occurrence; {@code raisedAt} is when the platform raised it (the alarm's
   * {@code opened_at}), which after an outage is earlier than this write.
   */
  public AlarmStored raise(Connection c, RaiseRequest r, Instant raisedAt) throws SQLException {
    Savepoint start = c.setSavepoint();
    if (applied(c, r.key())) {
      return stored(r.key(), null, r.type(), r.subject(), Outcome.DUPLICATE);
    }
    Long open = findOpen(c, r.subject(), r.type());
    Outcome outcome = Outcome.OCCURRENCE;
    if (open == null) {
      open = insertUnlessRaced(c, r, raisedAt);
      outcome = open == null ? Outcome.OCCURRENCE : Outcome.OPENED;
      open = open == null ? findOpen(c, r.subject(), r.type()) : open;
    }
    if (outcome == Outcome.OCCURRENCE) {
      addOccurrence(c, open, r, raisedAt);
    }
    boolean recorded = insertEvent(c, start, open, raisedAt, outcome == Outcome.OPENED ? "RAISED" : "OCCURRENCE",
        actor(r.source()), eventDetails(r), r.key());
    return stored(r.key(), recorded ? open : null, r.type(), r.subject(), recorded ? outcome : Outcome.DUPLICATE);
  }

  /** Records a clearing seen at {@code clearedAt}, closing the alarm when its type closes itself. */
  public AlarmStored clear(Connection c, ClearRequest r, Instant clearedAt) throws SQLException {
    Savepoint start = c.setSavepoint();
    if (applied(c, r.key())) {
      return stored(r.key(), null, r.type(), r.subject(), Outcome.DUPLICATE);
    }
    Long open = findOpen(c, r.subject(), r.type());
    if (open == null) {
      return stored(r.key(), null, r.type(), r.subject(), Outcome.NOTHING_OPEN);
    }
    JsonObject details = r.details().copy().put("source", r.source() == null ? null : r.source().toJson());
    if (!insertEvent(c, start, open, clearedAt, "CONDITION_CLEARED", actor(r.source()), details, r.key())) {
      return stored(r.key(), null, r.type(), r.subject(), Outcome.DUPLICATE);
    }
    if (!r.type().selfClosing()) {
      return stored(r.key(), open, r.type(), r.subject(), Outcome.CONDITION_RECORDED);
    }
    close(c, open, clearedAt);
    insertEvent(c, null, open, clearedAt, "RESOLVED", "system", new JsonObject().put("reason", "condition cleared"),
        null);
    return stored(r.key(), open, r.type(), r.subject(), Outcome.CLOSED);
  }

  public List<OpenAlarm> openAlarms(Connection c) throws SQLException {
    List<OpenAlarm> open = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(AlarmSql.OPEN_ALARMS); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        AlarmSubject subject = new AlarmSubject(rs.getObject(2, Long.class), rs.getObject(3, Long.class),
            rs.getString(4), rs.getObject(5, Long.class), rs.getObject(6, Long.class));
        open.add(new OpenAlarm(rs.getLong(1), subject, AlarmType.valueOf(rs.getString(7)), rs.getInt(8),
            rs.getObject(9, OffsetDateTime.class).toInstant()));
      }
    }
    return open;
  }

  private static boolean applied(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(AlarmSql.APPLIED)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Long findOpen(Connection c, AlarmSubject s, AlarmType type) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(AlarmSql.findOpen(s))) {
      ps.setString(1, type.name());
      ps.setObject(2, subjectId(s));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** Inserts a new open alarm; null when a concurrent raiser's alarm won the unique index first. */
  private static Long insertUnlessRaced(Connection c, RaiseRequest r, Instant raisedAt) throws SQLException {
    Savepoint beforeInsert = c.setSavepoint();
    try (PreparedStatement ps = c.prepareStatement(AlarmSql.INSERT_ALARM)) {
      AlarmSubject s = r.subject();
      MessageIdentity src = r.source();
      ps.setObject(1, s.elderId(), Types.BIGINT);
      ps.setObject(2, s.householdId(), Types.BIGINT);
      ps.setString(3, s.deviceId());
      ps.setObject(4, s.villageId(), Types.BIGINT);
      ps.setObject(5, s.townshipId(), Types.BIGINT);
      ps.setString(6, r.type().name());
      ps.setInt(7, r.priority());
      ps.setObject(8, utc(raisedAt));
      ps.setObject(9, utc(raisedAt));
      ps.setString(10, src == null ? null : src.deviceId());
      ps.setString(11, src == null ? null : src.boot());
      ps.setObject(12, src == null ? null : src.seq(), Types.BIGINT);
      ps.setObject(13, src == null ? null : utc(src.ts()));
      ps.setObject(14, r.lat(), Types.DOUBLE);
      ps.setObject(15, r.lon(), Types.DOUBLE);
      ps.setString(16, r.details().encode());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(beforeInsert);
      return null;
    }
  }

  private static void addOccurrence(Connection c, long alarmId, RaiseRequest r, Instant raisedAt)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(AlarmSql.ADD_OCCURRENCE)) {
      ps.setObject(1, utc(raisedAt));
      ps.setObject(2, r.lat(), Types.DOUBLE);
      ps.setObject(3, r.lon(), Types.DOUBLE);
      ps.setLong(4, alarmId);
      ps.executeUpdate();
    }
  }

  /**
   * Writes one alarm event; false when its key was applied meanwhile by a concurrent writer, in which case all of
   * this call's work is rolled back to {@code start}.
   */
  private static boolean insertEvent(Connection c, Savepoint start, long alarmId, Instant at, String kind,
                                     String actor, JsonObject details, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(AlarmSql.INSERT_EVENT)) {
      ps.setLong(1, alarmId);
      ps.setObject(2, utc(at));
      ps.setString(3, kind);
      ps.setString(4, actor);
      ps.setString(5, "rules");
      ps.setString(6, details.encode());
      ps.setString(7, key);
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (start == null || !UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(start);
      return false;
    }
  }

  private static void close(Connection c, long alarmId, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(AlarmSql.CLOSE)) {
      ps.setObject(1, utc(at));
      ps.setString(2, "condition cleared");
      ps.setLong(3, alarmId);
      ps.executeUpdate();
    }
  }

  private static JsonObject eventDetails(RaiseRequest r) {
    return r.details().copy().put("priority", r.priority()).put("seenAt", r.at().toString()).put("lat", r.lat())
        .put("lon", r.lon())
        .put("source", r.source() == null ? null : r.source().toJson());
  }

  private static String actor(MessageIdentity source) {
    return source == null ? "system" : "device:" + source.deviceId();
  }

  private static Object subjectId(AlarmSubject s) {
    if (s.elderId() != null) {
      return s.elderId();
    }
    if (s.householdId() != null) {
      return s.householdId();
    }
    if (s.deviceId() != null) {
      return s.deviceId();
    }
    return s.villageId() != null ? s.villageId() : s.townshipId();
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static AlarmStored stored(String key, Long id, AlarmType type, AlarmSubject s, Outcome outcome) {
    return new AlarmStored(key, id, type, s.key(), outcome);
  }
}
