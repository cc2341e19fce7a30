package org.anxin.sim.scenario;

/** Waits out scenario time, {@code speed} times faster than real time. */
public record Pace(double speed) {

  public void pause(double seconds) throws InterruptedException {
    Thread.sleep(Math.max(0, Math.round(seconds * 1000 / speed)));
  }
}
