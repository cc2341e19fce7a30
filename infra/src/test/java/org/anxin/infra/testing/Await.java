package org.anxin.infra.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling briefly; fails with what was awaited. Shared by the modules' tests. */
public final class Await {

  private Await() {
  }

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
