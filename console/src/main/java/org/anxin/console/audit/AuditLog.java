package org.anxin.console.audit;

import io.vertx.core.json.JsonObject;
import org.anxin.console.auth.Principal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes {@code audit_log}: who did or read what, and when. A read of an elder's location or health data writes its
 * row in the same transaction as the read, so no such read is answered without its record.
 */
public final class AuditLog {

  private static final String INSERT = """
      INSERT INTO audit_log (user_id, username, action, subject_type, subject_id, details)
      VALUES (?, ?, ?, ?, ?, ?::jsonb)""";

  private AuditLog() {
  }

  public static void write(Connection c, Principal who, String action, String subjectType, Object subjectId,
                           JsonObject details) throws SQLException {
    write(c, who.id(), who.username(), action, subjectType, subjectId, details);
  }

  public static void write(Connection c, Long userId, String username, String action, String subjectType,
                           Object subjectId, JsonObject details) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(INSERT)) {
      if (userId == null) {
        st.setNull(1, Types.BIGINT);
      } else {
        st.setLong(1, userId);
      }
      st.setString(2, username);
      st.setString(3, action);
      st.setString(4, subjectType);
      st.setString(5, subjectId == null ? null : subjectId.toString());
      st.setString(6, (details == null ? new JsonObject() : details).encode());
      st.executeUpdate();
    }
  }
}
