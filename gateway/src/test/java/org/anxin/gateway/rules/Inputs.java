package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;

/** Device messages for the rule tests: a wristband of elder 1 and a home terminal of household 10, in Shanghai. */
final class Inputs {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** 10:00 local time. */
  static final Instant MORNING = Instant.parse("2026-11-29T02:00:00Z");
  /** 23:30 local time. */
  static final Instant NIGHT = Instant.parse("2026-11-29T15:30:00Z");
  private static long seq;

  private Inputs() {
  }

  static RuleInput wristband(String channel, Instant ts, JsonObject fields) {
    return new RuleInput("wb-1", RuleInput.DeviceKind.WRISTBAND, 1L, 10L, 100L, 1000L, channel, "b1", ++seq, ts, ts,
        60, fields);
  }

  static RuleInput terminal(String channel, Instant ts, JsonObject fields) {
    return new RuleInput("ht-1", RuleInput.DeviceKind.HOME_TERMINAL, 1L, 10L, 100L, 1000L, channel, "b1", ++seq, ts,
        ts, 60, fields);
  }

  /** A message of any device of village 100, e.g. of a neighbour's home terminal. */
  static RuleInput of(String deviceId, Long elderId, Long householdId, String channel, Instant ts,
                      JsonObject fields) {
    return new RuleInput(deviceId, RuleInput.DeviceKind.HOME_TERMINAL, elderId, householdId, 100L, 1000L, channel,
        "b1", ++seq, ts, ts, 60, fields);
  }

  static RuleInput event(String type, Instant ts) {
    return terminal(RuleInput.EVENT, ts, new JsonObject().put("type", type));
  }

  static RuleInput telemetry(Instant ts, JsonObject fields) {
    return wristband(RuleInput.TELEMETRY, ts, fields);
  }

  static ElderRules defaults() {
    return ElderRules.defaults(SHANGHAI);
  }
}
