package org.anxin.console.sql;

import org.anxin.infra.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The {@code console_sessions} table behind {@link org.anxin.console.auth.DatabaseSessionStore}. */
public final class SessionSql {

  private static final String GET =
      "SELECT data FROM console_sessions WHERE id = ? AND expires_at > ? AND ended_at IS NULL";
  private static final String UPSERT = """
      INSERT INTO console_sessions (id, data, version, last_accessed, expires_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version,
        last_accessed = excluded.last_accessed, expires_at = excluded.expires_at
      WHERE console_sessions.ended_at IS NULL""";
  private static final String END = """
      INSERT INTO console_sessions (id, data, version, last_accessed, expires_at, ended_at)
      VALUES (?, '', 0, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET data = '', expires_at = excluded.expires_at, ended_at = excluded.ended_at""";
  private static final String COUNT =
      "SELECT count(*) FROM console_sessions WHERE expires_at > ? AND ended_at IS NULL";

  private SessionSql() {
  }

  /** The serialized session, or null when there is none or it has expired. */
  public static byte[] get(Connection c, String id, Instant now) throws SQLException {
    try (PreparedStatement st = Jdbc.prepare(c, GET, id, now); ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getBytes(1) : null;
    }
  }

  /** Stores a session, replacing what is stored under its id, unless the session has ended. */
  public static void put(Connection c, String id, byte[] data, int version, Instant lastAccessed, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement st = Jdbc.prepare(c, UPSERT, id, data, version, lastAccessed, expiresAt)) {
      st.executeUpdate();
    }
  }

  /**
   * Ends a session: its values are dropped and its row stays, marked ended, until {@code keepUntil}, so that a write
   * still in flight cannot bring it back.
   */
  public static void end(Connection c, String id, Instant now, Instant keepUntil) throws SQLException {
    try (PreparedStatement st = Jdbc.prepare(c, END, id, now, keepUntil, now)) {
      st.executeUpdate();
    }
  }

  public static int deleteExpired(Connection c, Instant now) throws SQLException {
    try (PreparedStatement st = Jdbc.prepare(c, "DELETE FROM console_sessions WHERE expires_at <= ?", now)) {
      return st.executeUpdate();
    }
  }

  public static int deleteAll(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("DELETE FROM console_sessions")) {
      return st.executeUpdate();
    }
  }

  public static int count(Connection c, Instant now) throws SQLException {
    try (PreparedStatement st = Jdbc.prepare(c, COUNT, now);
         ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
