package org.anxin.console.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Binds statement parameters by Java type: id and text arrays, instants as timestamps, the rest as objects. */
public final class Args {

  private Args() {
  }

  public static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    try {
      bind(c, st, values);
      return st;
    } catch (SQLException | RuntimeException e) {
      st.close();
      throw e;
    }
  }

  public static void bind(Connection c, PreparedStatement st, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Long[] ids) {
        st.setArray(i + 1, c.createArrayOf("bigint", ids));
      } else if (v instanceof String[] texts) {
        st.setArray(i + 1, c.createArrayOf("text", texts));
      } else if (v instanceof Instant at) {
        st.setTimestamp(i + 1, Timestamp.from(at));
      } else {
        st.setObject(i + 1, v);
      }
    }
  }
}
