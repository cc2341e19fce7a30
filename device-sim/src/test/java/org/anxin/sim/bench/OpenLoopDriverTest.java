package org.anxin.sim.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The open-loop driver keeps its schedule whatever the sends cost")
class OpenLoopDriverTest {

  @Test
  @DisplayName("at 2,000/s for 0.5 s it sends 1,000 messages spread over the half second")
  void sendsAtTheRate() {
    AtomicLong calls = new AtomicLong();

    OpenLoopDriver.Result result = new OpenLoopDriver(2000, Duration.ofMillis(500), Duration.ofMillis(50))
        .run(k -> calls.incrementAndGet(), new AtomicBoolean());

    assertEquals(1000, result.sent());
    assertEquals(1000, calls.get());
    long took = result.endedMs() - result.startedMs();
    assertTrue(took >= 450 && took < 1500, "took " + took + " ms");
  }

  @Test
  @DisplayName("a slow send does not slow the schedule down: the sends behind it go out late, and are counted")
  void slowSendsAreCountedLate() {
    OpenLoopDriver.Result result = new OpenLoopDriver(1000, Duration.ofMillis(300), Duration.ofMillis(10))
        .run(k -> {
          if (k == 10) {
            sleep(100);
          }
        }, new AtomicBoolean());

    assertEquals(300, result.sent());
    assertTrue(result.late() >= 80, "late " + result.late());
    assertTrue(result.lateness().max() >= 90, "max lateness " + result.lateness().max());
    assertTrue(result.endedMs() - result.startedMs() < 600, "caught up instead of shifting the schedule");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
