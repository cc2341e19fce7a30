package org.anxin.hotline.calls;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Writes call records; every method runs on the database's workers and answers a {@link Future}. */
public final class CallStore {

  private final Database database;

  public CallStore(Database database) {
    this.database = database;
  }

  /** The call's row id, creating the row when AMI or AGI sees the channel first. */
  public Future<Long> open(String uniqueId, String callerNumber, String direction) {
    return database.withConnection(c -> open(c, uniqueId, callerNumber, direction));
  }

  public Future<Void> event(long callId, String kind, JsonObject details) {
    return database.withConnection(c -> {
      event(c, callId, kind, details);
      return null;
    });
  }

  /** Opens the call and records its first event in one transaction; answers the call's id. */
  public Future<Long> open(String uniqueId, String callerNumber, String direction, String kind, JsonObject details) {
    return database.inTransaction(c -> {
      long id = open(c, uniqueId, callerNumber, direction);
      event(c, id, kind, details);
      return id;
    });
  }

  /** What the IVR found and chose, and its closing event, in one transaction. */
  public Future<Void> ivrDone(long callId, Long elderId, String choices, String intent, int priority,
                              JsonObject end) {
    return database.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(CallSql.IVR_DONE)) {
        ps.setObject(1, elderId, Types.BIGINT);
        ps.setString(2, choices);
        ps.setString(3, intent);
        ps.setInt(4, priority);
        ps.setLong(5, callId);
        ps.executeUpdate();
      }
      event(c, callId, "IVR_END", end);
      return null;
    });
  }

  /** A call row as the live state needs it. */
  public record CallRow(long id, Long elderId, String callerNumber) {
  }

  /** The call joined the queue; empty when no row has this Uniqueid (a channel that is not a 12349 call). */
  public Future<Optional<CallRow>> queued(String uniqueId, String queue, Instant at, JsonObject details) {
    return change(CallSql.QUEUED, "QUEUE_JOIN", details, queue, Timestamp.from(at), uniqueId);
  }

  public Future<Optional<CallRow>> answered(String uniqueId, String agent, Instant at, JsonObject details) {
    return change(CallSql.ANSWERED, "AGENT_CONNECT", details, agent, Timestamp.from(at), uniqueId);
  }

  public Future<Optional<CallRow>> ended(String uniqueId, String cause, Instant at, JsonObject details) {
    return change(CallSql.ENDED, "HANGUP", details, Timestamp.from(at), cause, Timestamp.from(at), uniqueId);
  }

  /** Records an event of the call with this Uniqueid, if there is one. */
  public Future<Optional<CallRow>> eventOf(String uniqueId, String kind, JsonObject details) {
    return change(CallSql.FIND, kind, details, uniqueId);
  }

  private Future<Optional<CallRow>> change(String sql, String kind, JsonObject details, Object... params) {
    return database.inTransaction(c -> {
      Optional<CallRow> row = Optional.empty();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          ps.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            row = Optional.of(new CallRow(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3)));
          }
        }
      }
      if (row.isPresent()) {
        event(c, row.get().id(), kind, details);
      }
      return row;
    });
  }

  /** Records the operator's disposition and note; fails with 404 for an unknown call. */
  public Future<String> wrapUp(long callId, String disposition, String note, String actor) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(CallSql.WRAP_UP)) {
        ps.setString(1, disposition);
        ps.setString(2, note);
        ps.setLong(3, callId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw BusException.notFound("no call " + callId);
          }
          event(c, callId, "WRAP_UP", new JsonObject().put("disposition", disposition).put("note", note)
              .put("by", actor));
          return rs.getString(1);
        }
      }
    });
  }

  public static long open(Connection c, String uniqueId, String callerNumber, String direction) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CallSql.OPEN)) {
      ps.setString(1, uniqueId);
      ps.setString(2, callerNumber);
      ps.setString(3, direction);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public static void event(Connection c, long callId, String kind, JsonObject details) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CallSql.EVENT)) {
      ps.setLong(1, callId);
      ps.setString(2, kind);
      ps.setString(3, details.encode());
      ps.executeUpdate();
    }
  }

}
