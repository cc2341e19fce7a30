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
      new OfflineCheck.Limits(3, Duration.ofSeconds(60), Duration.ofMinutes(5), 5, 0.5, Duration.ZERO), actions);

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
  @DisplayName("raises an SOS on the first of its copies, from the alarm session or the stored stream, not again")
  void sosOnFirstCopy() {
    // GIVEN an SOS that arrives on the alarm path's session and then with the stored stream
    RuleInput sos = withSeq(Inputs.event("SOS", Inputs.MORNING), 5);
    engine.acceptEvent(sos);
    engine.accept(sos);
    // AND another that the stored stream brings first and then again (a redelivery)
    RuleInput fall = withSeq(Inputs.event("FALL", Inputs.MORNING), 6);
    engine.accept(fall);
    engine.acceptEvent(fall);
    engine.accept(fall);
    // THEN each is raised once
    assertEquals(List.of(AlarmType.SOS, AlarmType.FALL), actions.raisedTypes());
  }

  @Test
  @DisplayName("raises an SOS that only the stored stream brings, even one older than the device's last message")
  void overtakenSosStillRaised() {
    engine.accept(withSeq(Inputs.event("DOOR_CLOSE", Inputs.MORNING), 9));
    engine.accept(withSeq(Inputs.event("SOS", Inputs.MORNING), 8));
    assertEquals(List.of(AlarmType.SOS), actions.raisedTypes());
  }

  @Test
  @DisplayName("gives an SOS without a position the elder's last fix from the wristband")
  void lastFixForSos() {
    engine.accept(Inputs.telemetry(Inputs.MORNING, new JsonObject().put("lat", 31.25).put("lon", 121.45)));
    engine.accept(Inputs.event("SOS", Inputs.MORNING.plusSeconds(60)));
    assertEquals(31.25, actions.raised.get(0).lat());
    assertEquals(121.45, actions.raised.get(0).lon());
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
