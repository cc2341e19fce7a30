package org.anxin.infra.bus;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Arrays;

/** Instants in message records travel as epoch milliseconds (as in {@code alarm.raised}); null stays null. */
public final class Json {

  private Json() {
  }

  public static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  public static Instant instant(JsonObject json, String key) {
    Long ms = json.getLong(key);
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }

  /** A required string field; a missing or blank one is a bad request naming the field. */
  public static String required(JsonObject json, String key) {
    String v = json.getString(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("'" + key + "' is required");
    }
    return v;
  }

  /** A required number field; a missing one is a bad request naming the field. */
  public static long requiredLong(JsonObject json, String key) {
    Long v = json.getLong(key);
    if (v == null) {
      throw new IllegalArgumentException("'" + key + "' is required");
    }
    return v;
  }

  /** An enum field read by name; an unknown name is a bad request listing the known ones. */
  public static <E extends Enum<E>> E enumValue(Class<E> type, JsonObject json, String key) {
    String v = required(json, key);
    try {
      return Enum.valueOf(type, v.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + key + "' must be one of " + Arrays.toString(type.getEnumConstants())
          + ", not '" + v + "'");
    }
  }
}
