package org.anxin.gateway.rules;

import java.util.List;

/**
 * An elder's safe zone: a circle (centre, radius) or a polygon of {@code [lat, lon]} vertices, active always or in a
 * local time window. Distances are metres on a local flat projection, ample for zones of a few kilometres.
 */
public record SafeZone(long id, String name, double centerLat, double centerLon, double radiusM,
                       List<double[]> polygon, LocalWindow active) {

  private static final double EARTH_RADIUS_M = 6_371_000;

  public static SafeZone circle(long id, String name, double lat, double lon, double radiusM, LocalWindow active) {
    return new SafeZone(id, name, lat, lon, radiusM, List.of(), active);
  }

  public static SafeZone polygon(long id, String name, List<double[]> vertices, LocalWindow active) {
    return new SafeZone(id, name, vertices.get(0)[0], vertices.get(0)[1], 0, List.copyOf(vertices), active);
  }

  public boolean isPolygon() {
    return !polygon.isEmpty();
  }

  /** Metres from the boundary: negative inside, positive outside. */
  public double signedDistanceM(double lat, double lon) {
    if (!isPolygon()) {
      double[] p = project(lat, lon);
      return Math.hypot(p[0], p[1]) - radiusM;
    }
    double[] p = project(lat, lon);
    boolean inside = false;
    double nearest = Double.MAX_VALUE;
    for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
      double[] a = project(polygon.get(i)[0], polygon.get(i)[1]);
      double[] b = project(polygon.get(j)[0], polygon.get(j)[1]);
      if ((a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) {
        inside = !inside;
      }
      nearest = Math.min(nearest, segmentDistance(p, a, b));
    }
    return inside ? -nearest : nearest;
  }

  /** East and north metres from the zone's reference point (its centre or first vertex). */
  private double[] project(double lat, double lon) {
    double x = Math.toRadians(lon - centerLon) * Math.cos(Math.toRadians(centerLat)) * EARTH_RADIUS_M;
    double y = Math.toRadians(lat - centerLat) * EARTH_RADIUS_M;
    return new double[] {x, y};
  }

  private static double segmentDistance(double[] p, double[] a, double[] b) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
  }
}
