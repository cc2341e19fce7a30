package org.anxin.console.sql;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.console.api.Times;
import org.anxin.infra.security.PasswordHasher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * One column of a table the admin pages edit: its JSON name (the column is its snake_case form), its type, whether
 * a new row must give it, and whether it may be empty (a JSON null clears it). A {@link Type#PASSWORD} is written
 * as a PBKDF2 hash and never read back.
 */
public record Column(String json, Type type, boolean required, boolean nullable) {

  /** How a JSON value is checked and bound. */
  public enum Type {
    TEXT, LONG, INT, DOUBLE, BOOL, DATE, TIME, TIMESTAMP, TEXT_ARRAY, JSON, PASSWORD
  }

  /** An optional column: may be left out, and null clears it. */
  public static Column of(String json, Type type) {
    return new Column(json, type, false, true);
  }

  /** A column every row must have and give when it is created; never null. */
  public static Column required(String json, Type type) {
    return new Column(json, type, true, false);
  }

  /** A NOT NULL column with a database default: may be left out of a new row, never set to null. */
  public static Column defaulted(String json, Type type) {
    return new Column(json, type, false, false);
  }

  public String name() {
    if (type == Type.PASSWORD) {
      return "password_hash";
    }
    return json.replaceAll("([A-Z])", "_$1").toLowerCase();
  }

  public boolean readable() {
    return type != Type.PASSWORD;
  }

  /** The placeholder with the cast the type needs. */
  String placeholder() {
    return type == Type.JSON ? "?::jsonb" : "?";
  }

  void bind(Connection c, PreparedStatement st, int index, Object value) throws SQLException {
    if (value == null) {
      st.setNull(index, type == Type.JSON ? Types.OTHER : Types.NULL);
      return;
    }
    try {
      switch (type) {
        case TEXT -> st.setString(index, (String) value);
        case LONG -> st.setLong(index, ((Number) value).longValue());
        case INT -> st.setInt(index, ((Number) value).intValue());
        case DOUBLE -> st.setDouble(index, ((Number) value).doubleValue());
        case BOOL -> st.setBoolean(index, (Boolean) value);
        case DATE -> st.setObject(index, LocalDate.parse((String) value));
        case TIME -> st.setObject(index, LocalTime.parse((String) value));
        case TIMESTAMP -> st.setTimestamp(index, Timestamp.from(Times.instant(json, value)));
        case TEXT_ARRAY -> st.setArray(index, c.createArrayOf("text",
            ((JsonArray) value).stream().map(String::valueOf).toArray()));
        case JSON -> st.setString(index, value instanceof JsonObject o ? o.encode() : ((JsonArray) value).encode());
        case PASSWORD -> st.setString(index, PasswordHasher.hash(checkedPassword((String) value)));
        default -> throw new IllegalStateException(type.name());
      }
    } catch (ClassCastException | DateTimeParseException e) {
      throw new IllegalArgumentException("'" + json + "' must be " + describe() + ", not " + value);
    }
  }

  private String describe() {
    return switch (type) {
      case TEXT, PASSWORD -> "a string";
      case LONG, INT -> "a whole number";
      case DOUBLE -> "a number";
      case BOOL -> "true or false";
      case DATE -> "a date (yyyy-mm-dd)";
      case TIME -> "a local time (hh:mm)";
      case TIMESTAMP -> "epoch milliseconds or an ISO-8601 instant";
      case TEXT_ARRAY -> "an array of strings";
      case JSON -> "a JSON object or array";
    };
  }

  private static String checkedPassword(String password) {
    if (password.length() < 10) {
      throw new IllegalArgumentException("a password needs at least 10 characters");
    }
    return password;
  }
}
