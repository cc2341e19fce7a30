package org.anxin.sim.behaviour;

import java.time.LocalTime;
import java.util.Random;

/**
 * One person's day in local time: asleep at night, three meals, a walk in the village in the morning and one in
 * the afternoon, at home otherwise. Each person's times are shifted by up to half an hour, drawn once from the seed,
 * so a fleet does not move in lockstep and the same seed gives the same day.
 */
public final class DailyRhythm {

  private final int shiftMinutes;
  private final int walkMinutes;

  public DailyRhythm(Random random) {
    this.shiftMinutes = random.nextInt(61) - 30;
    this.walkMinutes = 40 + random.nextInt(41);
  }

  public Activity at(LocalTime time) {
    int m = Math.floorMod(time.getHour() * 60 + time.getMinute() - shiftMinutes, 24 * 60);
    if (m >= 21 * 60 + 30 || m < 6 * 60) {
      return Activity.SLEEP;
    }
    if (between(m, 7 * 60, 7 * 60 + 30) || between(m, 11 * 60 + 30, 12 * 60 + 15)
        || between(m, 17 * 60 + 30, 18 * 60 + 15)) {
      return Activity.MEAL;
    }
    if (between(m, 9 * 60, 9 * 60 + walkMinutes) || between(m, 15 * 60 + 30, 15 * 60 + 30 + walkMinutes / 2)) {
      return Activity.WALK;
    }
    return Activity.HOME;
  }

  private static boolean between(int minute, int from, int to) {
    return minute >= from && minute < to;
  }
}
