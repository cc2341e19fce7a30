package org.anxin.console.sql;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.db.Jdbc;
import org.postgresql.util.PGobject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Result rows as the API answers them: column {@code snake_case} names become {@code camelCase} keys, times become
 * epoch milliseconds (as on the bus), dates and local times ISO strings, arrays and {@code jsonb} JSON.
 */
public final class Rows {

  private Rows() {
  }

  /** Runs a query with its arguments bound by {@link Jdbc} and answers every row. */
  public static List<JsonObject> query(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = Jdbc.prepare(c, sql, args)) {
      return all(st);
    }
  }

  /** Runs a query and answers its first row, or null. */
  public static JsonObject first(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = Jdbc.prepare(c, sql, args)) {
      return one(st);
    }
  }

  /** Puts the rows of a child query under {@code key} of a row that may be null (then answers null). */
  static JsonObject with(Connection c, JsonObject row, String key, String sql, Object... args) throws SQLException {
    return row == null ? null : row.put(key, array(query(c, sql, args)));
  }

  public static List<JsonObject> all(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      List<JsonObject> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row(rs));
      }
      return rows;
    }
  }

  /** The first row, or null when there is none. */
  public static JsonObject one(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? row(rs) : null;
    }
  }

  public static JsonObject row(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    JsonObject row = new JsonObject();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      row.put(camel(meta.getColumnLabel(i)), value(rs.getObject(i)));
    }
    return row;
  }

  public static JsonArray array(List<JsonObject> rows) {
    return new JsonArray(new ArrayList<>(rows));
  }

  static Object value(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof Timestamp t) {
      return t.getTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime().toString();
    }
    if (v instanceof Array a) {
      Object[] items = (Object[]) a.getArray();
      return new JsonArray(Arrays.asList(items));
    }
    if (v instanceof PGobject pg) {
      return json(pg);
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof String) {
      return v;
    }
    return v.toString();
  }

  private static Object json(PGobject pg) {
    String text = pg.getValue();
    if (text == null || !("json".equals(pg.getType()) || "jsonb".equals(pg.getType()))) {
      return text;
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("{")) {
      return new JsonObject(trimmed);
    }
    return trimmed.startsWith("[") ? new JsonArray(trimmed) : trimmed;
  }

  static String camel(String column) {
    StringBuilder b = new StringBuilder(column.length());
    boolean up = false;
    for (char ch : column.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }
}
