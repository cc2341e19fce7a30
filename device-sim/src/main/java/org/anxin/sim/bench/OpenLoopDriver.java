package org.anxin.sim.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Emits message number k at {@code start + k / rate}, whatever happens to earlier messages: an open loop, so a slow
 * system sees the load it would see from real devices instead of a load that politely waits for it (coordinated
 * omission). A send issued more than {@code lateAfter} after its slot is counted late; the scheduler's lateness is
 * kept as a distribution too.
 */
public final class OpenLoopDriver {

  private final double rate;
  private final Duration duration;
  private final Duration lateAfter;

  /** What the driver did. */
  public record Result(long sent, long late, Latency.Percentiles lateness, long startedMs, long endedMs) {
  }

  public OpenLoopDriver(double rate, Duration duration, Duration lateAfter) {
    if (rate <= 0) {
      throw new IllegalArgumentException("the rate must be positive, not " + rate);
    }
    this.rate = rate;
    this.duration = duration;
    this.lateAfter = lateAfter;
  }

  /** Calls {@code send} with each message number on this thread until the duration is over or {@code stop}. */
  public Result run(LongConsumer send, AtomicBoolean stop) {
    long total = (long) Math.floor(rate * duration.toMillis() / 1000.0);
    double periodNs = 1e9 / rate;
    long lateNs = lateAfter.toNanos();
    Latency lateness = new Latency();
    long startedMs = System.currentTimeMillis();
    long start = System.nanoTime();
    long next = 0;
    long late = 0;
    while (next < total && !stop.get()) {
      long now = System.nanoTime();
      long due = Math.min(total, (long) ((now - start) / periodNs) + 1);
      for (; next < due; next++) {
        long behind = now - (start + (long) (next * periodNs));
        lateness.recordNanos(behind);
        if (behind > lateNs) {
          late++;
        }
        send.accept(next);
      }
      long wait = start + (long) (next * periodNs) - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
    return new Result(next, late, lateness.percentiles(), startedMs, System.currentTimeMillis());
  }
}
