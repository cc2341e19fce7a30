package org.anxin.hotline;

import org.anxin.hotline.testing.HotlineHarness;
import org.anxin.sim.pbx.CallScript;
import org.anxin.sim.pbx.PbxLoad;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hotline's IVR under load, for docs/benchmarks.md; runs only when asked:
 * {@code mvn -q -pl hotline -am verify -Dtest=HotlineBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Danxin.bench=true [-Danxin.bench.calls=2000 -Danxin.bench.concurrency=250 -Danxin.bench.promptMs=500
 * -Danxin.bench.rampMs=2000]}.
 * Every call is a known elder ordering a meal (caller lookup, order over the bus, call events, read-back).
 */
@EnabledIfSystemProperty(named = "anxin.bench", matches = "true")
class HotlineBenchmark {

  /** Calls placed before measuring, so that the JIT, the thread pools and the connection pool are warm. */
  private static final int WARM_UP_CALLS = 300;

  @Test
  @DisplayName("verifies how many concurrent IVR calls the hotline carries, and their AGI latency")
  void concurrentCalls() throws Exception {
    int calls = Integer.getInteger("anxin.bench.calls", 2_000);
    int concurrency = Integer.getInteger("anxin.bench.concurrency", 250);
    long promptMs = Long.getLong("anxin.bench.promptMs", 500);
    long rampMs = Long.getLong("anxin.bench.rampMs", 2_000);
    int elders = 500;
    try (HotlineHarness h = HotlineHarness.start(3_000, 10, promptMs)) {
      long household = h.fixtures.newHousehold(null);
      for (int i = 0; i < elders; i++) {
        h.fixtures.newElder(household, "老人" + i, String.format("139%08d", i));
      }
      PbxLoad.run(h.pbx, WARM_UP_CALLS, 50, 0,
              n -> CallScript.ivr(String.format("139%08d", n % elders), "1").withAbandon(1_000))
          .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
      PbxLoad.Report report = PbxLoad.run(h.pbx, calls, concurrency, rampMs,
              n -> CallScript.ivr(String.format("139%08d", n % elders), "1").withAbandon(1_000))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
      System.out.printf("%nhotline IVR benchmark: %d calls, concurrency %d, ramp %d ms, prompts %d ms, %d cores%n%s%n",
          calls, concurrency, rampMs, promptMs, Runtime.getRuntime().availableProcessors(), report.text());
      assertEquals(0, report.failed());
      assertEquals(WARM_UP_CALLS + calls, h.count("SELECT count(*) FROM service_orders WHERE call_id IS NOT NULL"));
    }
  }
}
