package org.anxin.gateway.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The shared {@link org.anxin.infra.testing.Await} under the name the alarm tests import. */
public final class Await {

  private Await() {
  }

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    org.anxin.infra.testing.Await.until(timeout, what, condition);
  }
}
