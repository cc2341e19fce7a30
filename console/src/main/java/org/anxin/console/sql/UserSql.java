package org.anxin.console.sql;

import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.auth.Scope;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Users for sign-in and the per-request principal with its scope. */
public final class UserSql {

  /** What sign-in needs of a user row. */
  public record LoginRow(long id, String username, String passwordHash, int failedLogins, Instant lockedUntil,
                         boolean disabled) {
  }

  /**
   * The user and, for a family member, the elders linked in {@code user_elders}; for a carer, the elders of
   * {@code carer_elders} through {@code users.carer_id} (or the carer row naming the user); with their households.
   */
  private static final String PRINCIPAL = """
      WITH u AS (SELECT id, username, role, display_name, carer_id FROM users WHERE id = ? AND NOT disabled),
      e AS (
        SELECT ue.elder_id FROM user_elders ue JOIN u ON ue.user_id = u.id WHERE u.role = 'family'
        UNION
        SELECT ce.elder_id FROM carer_elders ce JOIN u ON u.role = 'carer'
          AND (ce.carer_id = u.carer_id OR ce.carer_id IN (SELECT c.id FROM carers c WHERE c.user_id = u.id)))
      SELECT u.id, u.username, u.role, u.display_name,
             ARRAY(SELECT elder_id FROM e) AS elder_ids,
             ARRAY(SELECT DISTINCT el.household_id FROM elders el WHERE el.id IN (SELECT elder_id FROM e))
               AS household_ids
      FROM u""";

  private static final String FOR_LOGIN = """
      SELECT id, username, password_hash, failed_logins, locked_until, disabled FROM users
      WHERE username = ? FOR UPDATE""";

  private static final String SET_FAILURES = "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?";

  private UserSql() {
  }

  public static Principal principal(Connection c, long userId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(PRINCIPAL)) {
      st.setLong(1, userId);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Role role = Role.of(rs.getString("role"));
        Scope scope = Role.STAFF.contains(role) ? Scope.EVERYONE
            : new Scope(false, ids(rs.getArray("elder_ids")), ids(rs.getArray("household_ids")));
        return new Principal(rs.getLong("id"), rs.getString("username"), role, rs.getString("display_name"), scope);
      }
    }
  }

  public static LoginRow forLogin(Connection c, String username) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(FOR_LOGIN)) {
      st.setString(1, username);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Timestamp locked = rs.getTimestamp("locked_until");
        return new LoginRow(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
            rs.getInt("failed_logins"), locked == null ? null : locked.toInstant(), rs.getBoolean("disabled"));
      }
    }
  }

  public static void setFailures(Connection c, long userId, int failedLogins, Instant lockedUntil)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(SET_FAILURES)) {
      st.setInt(1, failedLogins);
      st.setTimestamp(2, lockedUntil == null ? null : Timestamp.from(lockedUntil));
      st.setLong(3, userId);
      st.executeUpdate();
    }
  }

  private static Set<Long> ids(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values).map(v -> ((Number) v).longValue()).collect(Collectors.toSet());
  }
}
