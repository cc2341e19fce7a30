package org.anxin.gateway.rules;

import java.time.LocalTime;

/** A daily window of local time, e.g. the night 22:00–06:00; it may cross midnight ({@code from} after {@code to}). */
public record LocalWindow(LocalTime from, LocalTime to) {

  public static LocalWindow parse(String from, String to) {
    return new LocalWindow(LocalTime.parse(from), LocalTime.parse(to));
  }

  public boolean contains(LocalTime t) {
    if (from.equals(to)) {
      return true;
    }
    return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
  }

  @Override
  public String toString() {
    return from + "-" + to;
  }
}
