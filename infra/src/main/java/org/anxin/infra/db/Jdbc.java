package org.anxin.infra.db;

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
 * Parameter binding and row mapping for the modules' statements, every one parameterised. Parameters bind by Java
 * type: instants as {@code timestamptz}, JSON objects as text (the statement casts {@code ?::jsonb}), enums by name,
 * {@code Long[]} and {@code String[]} as {@code bigint[]} and {@code text[]}, anything else (null too) as itself.
 */
public final class Jdbc {

  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Jdbc() {
  }

  /** A statement with its parameters bound; the caller closes it. */
  public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, convert(c, params[i]));
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    }
  }

  public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
    List<T> all = list(c, sql, row, params);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params)) {
      return ps.executeUpdate();
    }
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    return orNull(rs, rs.getLong(column));
  }

  public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    return orNull(rs, rs.getInt(column));
  }

  public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    return orNull(rs, rs.getDouble(column));
  }

  public static Boolean nullableBool(ResultSet rs, String column) throws SQLException {
    return orNull(rs, rs.getBoolean(column));
  }

  /** {@code value}, or null when the column just read was SQL NULL (JDBC's primitive getters answer 0 or false). */
  private static <T> T orNull(ResultSet rs, T value) throws SQLException {
    return rs.wasNull() ? null : value;
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
