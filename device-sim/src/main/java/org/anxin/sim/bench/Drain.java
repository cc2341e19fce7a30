package org.anxin.sim.bench;

import org.anxin.sim.fleet.SimStats;

import java.util.concurrent.TimeUnit;

/** Waits, after the load, for the broker to acknowledge what was sent. */
final class Drain {

  private static final long POLL_MS = 100;

  private Drain() {
  }

  /** Until every sent message is acknowledged or failed, at most {@code timeoutMs}; returns the time waited. */
  static long awaitAcks(SimStats stats, long timeoutMs) throws InterruptedException {
    long started = System.currentTimeMillis();
    while (System.currentTimeMillis() - started < timeoutMs) {
      SimStats.Snapshot s = stats.snapshot();
      if (s.acked() + s.errors() >= s.sent()) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MS);
    }
    return System.currentTimeMillis() - started;
  }
}
