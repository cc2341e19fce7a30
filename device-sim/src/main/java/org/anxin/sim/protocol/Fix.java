package org.anxin.sim.protocol;

/** A position as a device reports it: WGS-84 degrees, accuracy in metres, source {@code gnss|wifi|lbs}. */
public record Fix(double lat, double lon, double acc, String src) {

  public static Fix gnss(double lat, double lon, double acc) {
    return new Fix(lat, lon, acc, "gnss");
  }
}
