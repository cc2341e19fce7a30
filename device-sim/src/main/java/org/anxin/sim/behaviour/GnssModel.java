package org.anxin.sim.behaviour;

import org.anxin.sim.protocol.Fix;

import java.util.Random;

/**
 * Turns a true position into what a cheap wristband reports: GNSS with a few metres of noise, indoors or now and
 * then a poor fix from Wi-Fi (tens of metres) or the cell network (hundreds of metres), with an honest {@code acc}.
 */
public final class GnssModel {

  private final Random random;

  public GnssModel(Random random) {
    this.random = random;
  }

  public Fix fix(GeoPoint truth, boolean indoors) {
    double roll = random.nextDouble();
    if (roll < 0.03) {
      return noisy(truth, 300 + random.nextDouble() * 1200, "lbs");
    }
    if (indoors || roll < 0.08) {
      return noisy(truth, 20 + random.nextDouble() * 60, "wifi");
    }
    return noisy(truth, 3 + random.nextDouble() * 12, "gnss");
  }

  /** A report whose error is within about its stated accuracy. */
  private Fix noisy(GeoPoint truth, double acc, String src) {
    GeoPoint p = truth.offset(random.nextGaussian() * acc / 2, random.nextGaussian() * acc / 2);
    return new Fix(round(p.lat(), 6), round(p.lon(), 6), Math.round(acc), src);
  }

  private static double round(double value, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(value * f) / f;
  }
}
