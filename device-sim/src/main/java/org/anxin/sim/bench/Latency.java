package org.anxin.sim.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds, safe to record into from the MQTT client's threads. */
public final class Latency {

  private static final long MAX_MICROS = 3_600_000_000L;

  private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

  /** Percentiles in milliseconds. */
  public record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {
  }

  public void recordNanos(long nanos) {
    histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
  }

  public void recordMillis(long millis) {
    histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, millis * 1000)));
  }

  public Percentiles percentiles() {
    return new Percentiles(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(99)),
        ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()));
  }

  private static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }
}
