package org.anxin.sim.scenario;

import java.util.Arrays;
import java.util.Locale;

/** What a bad device does wrong, to test that the gateway rejects or flags it and carries on. */
public enum BadKind {
  /** Truncated JSON, and a payload that is not JSON at all. */
  MALFORMED_JSON,
  /** Fields of the wrong JSON type: a string latitude, a text heart rate, a numeric boot. */
  WRONG_TYPES,
  /** Values outside their range or set: latitude 123, heart rate 400, battery 180 %, an unknown event type. */
  OUT_OF_RANGE,
  /** A {@code ts} a day ahead, and one in seconds instead of milliseconds: flagged as skewed, not rejected. */
  FUTURE_TIMESTAMP,
  /** A payload over the protocol's 4 KiB. */
  OVERSIZED,
  /** The same message twice, and an earlier seq after a later one. */
  REPLAY,
  /** A publish to another device's telemetry topic. */
  FOREIGN_TOPIC;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static BadKind parse(String name) {
    return Arrays.stream(values()).filter(k -> k.cliName().equalsIgnoreCase(name.strip())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no bad kind '" + name + "'; there are "
            + String.join(", ", Arrays.stream(values()).map(BadKind::cliName).toList())));
  }
}
