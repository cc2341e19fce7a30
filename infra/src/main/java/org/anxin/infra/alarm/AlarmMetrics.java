package org.anxin.infra.alarm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The raising code's meters: alarms raised and stored, the outbox backlog, and the time of each database write. */
public final class AlarmMetrics {

  public static final String RAISED = "anxin_alarms_raised_total";
  public static final String STORED = "anxin_alarms_stored_total";
  public static final String OUTBOX_PENDING = "anxin_alarm_outbox_pending";
  public static final String STORE_TIME = "anxin_alarm_store_seconds";

  private final MeterRegistry registry;
  private final Timer storeTime;

  public AlarmMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.storeTime = Timer.builder(STORE_TIME).description("One alarm write to the database, retries excluded")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  void raised(AlarmType type, boolean repeat) {
    Counter.builder(RAISED).description("Alarms raised, by type; repeat=true for an occurrence of an open one")
        .tag("type", type.name()).tag("repeat", String.valueOf(repeat)).register(registry).increment();
  }

  void stored(AlarmStored.Outcome outcome, long nanos) {
    Counter.builder(STORED).description("Alarm writes that reached the database, by outcome")
        .tag("outcome", outcome.name()).register(registry).increment();
    storeTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  void outboxPending(Supplier<Number> pending) {
    Gauge.builder(OUTBOX_PENDING, pending).description("Alarm writes journalled and not yet in the database")
        .register(registry);
  }
}
