package org.anxin.dispatcher.sql;

import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parameter binding and row mapping for the dispatcher's statements: instants as {@code timestamptz}, JSON as text
 * (the statement casts {@code ?::jsonb}), {@code Long[]} and {@code String[]} as arrays; every statement is
 * parameterised.
 */
public final class Jdbc {

  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Jdbc() {
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
    List<T> all = list(c, sql, row, params);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, params);
      return ps.executeUpdate();
    }
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  public static Boolean nullableBool(ResultSet rs, String column) throws SQLException {
    boolean v = rs.getBoolean(column);
    return rs.wasNull() ? null : v;
  }

  private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, convert(c, params[i]));
    }
  }

  private static Object convert(Connection c, Object p) throws SQLException {
    if (p instanceof Instant at) {
      return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
    if (p instanceof JsonObject json) {
      return json.encode();
    }
    if (p instanceof Long[] ids) {
      return c.createArrayOf("bigint", ids);
    }
    if (p instanceof String[] texts) {
      return c.createArrayOf("text", texts);
    }
    if (p instanceof Enum<?> e) {
      return e.name();
    }
    return p;
  }
}
