package org.anxin.sim.pbx;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.anxin.sim.bench.Latency;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Many IVR calls at once: keeps {@code concurrency} calls in progress until {@code calls} have been placed, and
 * measures what a caller waits for, as the PBX sees it: the answer (environment sent to first command) and every
 * AGI command's round trip (the simulator's reply to the script's next command). A call whose script never sent a
 * command (the FastAGI server refused or dropped it) counts as failed.
 */
public final class PbxLoad {

  /** What a load run measured. */
  public record Report(int calls, int failed, int peakConcurrent, Latency.Percentiles answer,
                       Latency.Percentiles roundTrip, double seconds) {

    public String text() {
      return String.format(Locale.ROOT, "calls %d (failed %d) in %.1f s, peak concurrent IVR calls %d%n"
              + "answer latency ms:    p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n"
              + "AGI round trip ms:    p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (%d commands)%n",
          calls, failed, seconds, peakConcurrent, answer.p50(), answer.p90(), answer.p99(), answer.max(),
          roundTrip.p50(), roundTrip.p90(), roundTrip.p99(), roundTrip.p999(), roundTrip.max(), roundTrip.count());
    }
  }

  private final PbxSimulator pbx;
  private final int calls;
  private final int concurrency;
  private final IntFunction<CallScript> scripts;
  private final Latency answer = new Latency();
  private final Latency roundTrip = new Latency();
  private final AtomicInteger placed = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final Promise<Report> done = Promise.promise();
  private long startNanos;

  private PbxLoad(PbxSimulator pbx, int calls, int concurrency, IntFunction<CallScript> scripts) {
    this.pbx = pbx;
    this.calls = calls;
    this.concurrency = concurrency;
    this.scripts = scripts;
  }

  /**
   * Runs the load; {@code scripts} gives the n-th call's script. The first {@code concurrency} calls arrive spread
   * over {@code rampMs} (callers do not all dial in the same millisecond), then each ended call is replaced at once.
   */
  public static Future<Report> run(PbxSimulator pbx, int calls, int concurrency, long rampMs,
                                   IntFunction<CallScript> scripts) {
    PbxLoad load = new PbxLoad(pbx, calls, concurrency, scripts);
    load.startNanos = System.nanoTime();
    int first = Math.min(concurrency, calls);
    for (int i = 0; i < first; i++) {
      pbx.vertx().setTimer(1 + i * Math.max(0, rampMs) / first, t -> load.next());
    }
    return load.done.future();
  }

  private void next() {
    int n = placed.getAndIncrement();
    if (n >= calls) {
      return;
    }
    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    pbx.call(scripts.apply(n)).onComplete(ar -> {
      inFlight.decrementAndGet();
      if (ar.succeeded() && ar.result().agi() != null && !ar.result().agi().commands().isEmpty()) {
        record(ar.result().agi());
      } else {
        failed.incrementAndGet();
      }
      if (finished.incrementAndGet() == calls) {
        done.complete(new Report(calls, failed.get(), peak.get(), answer.percentiles(), roundTrip.percentiles(),
            (System.nanoTime() - startNanos) / 1e9));
      } else {
        next();
      }
    });
  }

  private void record(AgiOutcome outcome) {
    for (int i = 0; i < outcome.roundTripsNanos().size(); i++) {
      (i == 0 ? answer : roundTrip).recordNanos(outcome.roundTripsNanos().get(i));
    }
  }
}
