package org.anxin.sim.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;

/** Durations as people type them: {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 250ms} or ISO-8601. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("p")) {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    }
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      long amount = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> Duration.ofSeconds(Long.parseLong(v));
      };
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 30s, 5m or 2h");
    }
  }
}
