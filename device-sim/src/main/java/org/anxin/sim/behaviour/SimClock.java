package org.anxin.sim.behaviour;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The simulated day: starts at {@code start} and runs {@code speed} times faster than the wall clock, so a demo can
 * show a whole day in minutes. Only behaviour follows it; the {@code ts} of messages stays the wall-clock time, as a
 * device's clock would, so that the platform does not see them as skewed.
 */
public final class SimClock {

  private final Clock wall;
  private final Instant wallStart;
  private final Instant simStart;
  private final double speed;
  private final ZoneId zone;

  public SimClock(Clock wall, Instant simStart, double speed, ZoneId zone) {
    if (speed <= 0) {
      throw new IllegalArgumentException("speed must be positive, not " + speed);
    }
    this.wall = wall;
    this.wallStart = wall.instant();
    this.simStart = simStart;
    this.speed = speed;
    this.zone = zone;
  }

  public Instant now() {
    long wallMs = wall.millis() - wallStart.toEpochMilli();
    return simStart.plusMillis((long) (wallMs * speed));
  }

  public ZonedDateTime localNow() {
    return now().atZone(zone);
  }

  /** Wall-clock milliseconds that {@code simSeconds} of simulated time take (at least 1). */
  public long wallMillis(double simSeconds) {
    return Math.max(1, Math.round(simSeconds * 1000 / speed));
  }
}
