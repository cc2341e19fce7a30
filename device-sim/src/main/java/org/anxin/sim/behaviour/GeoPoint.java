package org.anxin.sim.behaviour;

/** A WGS-84 point with the small-distance arithmetic the behaviours need (equirectangular, fine within a county). */
public record GeoPoint(double lat, double lon) {

  private static final double EARTH_RADIUS_M = 6_371_000;

  /** The point {@code north} and {@code east} metres away. */
  public GeoPoint offset(double north, double east) {
    double dLat = Math.toDegrees(north / EARTH_RADIUS_M);
    double dLon = Math.toDegrees(east / (EARTH_RADIUS_M * Math.cos(Math.toRadians(lat))));
    return new GeoPoint(lat + dLat, lon + dLon);
  }

  /** The point {@code metres} away towards {@code bearingDeg} (0 = north, 90 = east). */
  public GeoPoint toward(double bearingDeg, double metres) {
    double b = Math.toRadians(bearingDeg);
    return offset(metres * Math.cos(b), metres * Math.sin(b));
  }

  public double distanceTo(GeoPoint other) {
    double x = Math.toRadians(other.lon - lon) * Math.cos(Math.toRadians((lat + other.lat) / 2));
    double y = Math.toRadians(other.lat - lat);
    return Math.sqrt(x * x + y * y) * EARTH_RADIUS_M;
  }
}
