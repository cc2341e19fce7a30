package org.anxin.hotline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition instead of sleeping a fixed time. */
public final class Await {

  private Await() {
  }

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what, e);
      }
    }
  }
}
