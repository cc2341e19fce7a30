package org.anxin.hotline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The hotline's meters, named once here. */
public final class HotlineMetrics {

  public static final String IVR_CALLS = "anxin_hotline_ivr_calls_total";
  public static final String IVR_TIME = "anxin_hotline_ivr_seconds";
  public static final String AMI_UP = "anxin_hotline_ami_up";
  public static final String SCREEN_POPS = "anxin_hotline_screen_pops_total";
  public static final String ORIGINATIONS = "anxin_hotline_originations_total";

  private final MeterRegistry registry;

  public HotlineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One IVR call ended: where it went ({@code QUEUE}/{@code DONE}), why, and whether the caller hung up. */
  public void ivrCall(String result, String intent, boolean hungUp, Duration took) {
    Counter.builder(IVR_CALLS).tag("result", result).tag("intent", intent).tag("hung_up", String.valueOf(hungUp))
        .register(registry).increment();
    Timer.builder(IVR_TIME).register(registry).record(took);
  }

  public void amiUp(BooleanSupplier up) {
    Gauge.builder(AMI_UP, () -> up.getAsBoolean() ? 1 : 0).register(registry);
  }

  public void screenPop() {
    Counter.builder(SCREEN_POPS).register(registry).increment();
  }

  public void origination(String purpose, boolean answered) {
    Counter.builder(ORIGINATIONS).tag("purpose", purpose == null ? "CALL" : purpose)
        .tag("answered", String.valueOf(answered)).register(registry).increment();
  }
}
