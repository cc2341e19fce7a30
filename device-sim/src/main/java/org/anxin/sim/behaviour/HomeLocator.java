package org.anxin.sim.behaviour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Where each device's person lives. A homes hint file ({@code id,lat,lon} per line, id being a device id or an
 * elder id) wins; otherwise a point within {@code radiusM} of the county centre, drawn from the seed and the device
 * id, so a device always lives in the same place.
 */
public final class HomeLocator {

  /** Near Hangzhou, the default county centre. */
  public static final GeoPoint DEFAULT_CENTRE = new GeoPoint(30.27, 120.15);

  private final GeoPoint centre;
  private final double radiusM;
  private final long seed;
  private final Map<String, GeoPoint> hints;

  public HomeLocator(GeoPoint centre, double radiusM, long seed, Map<String, GeoPoint> hints) {
    this.centre = centre;
    this.radiusM = radiusM;
    this.seed = seed;
    this.hints = Map.copyOf(hints);
  }

  public static HomeLocator around(GeoPoint centre, long seed) {
    return new HomeLocator(centre, 15_000, seed, Map.of());
  }

  /** The home of a device, from the hints by device id, then by elder id, else drawn. */
  public GeoPoint homeOf(String deviceId, Long elderId) {
    GeoPoint hinted = hints.get(deviceId);
    if (hinted == null && elderId != null) {
      hinted = hints.get(elderId.toString());
    }
    if (hinted != null) {
      return hinted;
    }
    Random random = new Random(seed ^ deviceId.hashCode() * 0x9E3779B97F4A7C15L);
    double distance = radiusM * Math.sqrt(random.nextDouble());
    return centre.toward(random.nextDouble() * 360, distance);
  }

  public static Map<String, GeoPoint> readHints(Path file) {
    Map<String, GeoPoint> hints = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] cells = line.strip().split(",");
        if (cells.length >= 3 && !line.startsWith("#") && !cells[1].strip().equals("lat")) {
          hints.put(cells[0].strip(), new GeoPoint(Double.parseDouble(cells[1].strip()),
              Double.parseDouble(cells[2].strip())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the homes file " + file, e);
    }
    return hints;
  }
}
