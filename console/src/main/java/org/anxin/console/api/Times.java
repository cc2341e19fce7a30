package org.anxin.console.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Times the API accepts: epoch milliseconds (as it answers them) or ISO-8601 instants. */
public final class Times {

  private Times() {
  }

  public static Instant instant(String field, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    String s = value.toString().trim();
    try {
      return s.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(s)) : Instant.parse(s);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw ApiException.badRequest("'" + field + "' must be epoch milliseconds or an ISO-8601 instant, not '" + s
          + "'");
    }
  }
}
