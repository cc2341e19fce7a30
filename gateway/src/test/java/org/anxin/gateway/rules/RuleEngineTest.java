package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The rule engine")
class RuleEngineTest {

  private final RecordingActions actions = new RecordingActions();
  private final RuleEngine engine = new RuleEngine(Clock.fixed(Inputs.MORNING, ZoneOffset.UTC),
      new RuleBook(Inputs.SHANGHAI, Map.of(1L, Inputs.defaults()), Map.of(1L, 10L), Map.of(10L, List.of(1L))),
      new OfflineCheck.Limits(3, Duration.ofSeconds(60), Duration.ofMinutes(5), 5, 0.5), actions);

  private static RuleInput withSeq(RuleInput in, long seq) {
    return new RuleInput(in.deviceId(), in.kind(), in.elderId(), in.householdId(), in.villageId(), in.townshipId(),
        in.channel(), in.boot(), seq, in.ts(), in.arrivedAt(), in.reportIntervalS(), in.fields());
  }

  @Test
  @DisplayName("does not count a redelivered reading twice towards a run of heart-rate readings")
  void redeliveryCountsOnce() {
    RuleInput high = Inputs.telemetry(Inputs.MORNING, new JsonObject().put("hr", 170));
    engine.accept(withSeq(high, 1));
    engine.accept(withSeq(high, 2));
    engine.accept(withSeq(high, 2));
    assertEquals(List.of(), actions.raised);
    engine.accept(withSeq(high, 3));
    assertEquals(List.of(AlarmType.HEART_RATE), actions.raisedTypes());
  }

  @Test
  @DisplayName("still passes a redelivered SOS on, for the idempotent raising code to recognise")
  void redeliveredSosPassedOn() {
    RuleInput sos = withSeq(Inputs.event("SOS", Inputs.MORNING), 5);
    engine.accept(sos);
    engine.accept(sos);
    assertEquals(2, actions.raised.size());
    assertEquals(actions.raised.get(0).key(), actions.raised.get(1).key());
  }

  @Test
  @DisplayName("runs the timer checks with the injected clock")
  void timerChecks() {
    engine.accept(Inputs.terminal(RuleInput.TELEMETRY, Instant.parse("2026-11-29T01:00:00Z"),
        new JsonObject().put("bat", 80)));
    engine.check();
    assertEquals(List.of(AlarmType.DEVICE_OFFLINE), actions.raisedTypes());
  }
}
