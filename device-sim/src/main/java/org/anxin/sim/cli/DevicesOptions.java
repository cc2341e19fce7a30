package org.anxin.sim.cli;

import org.anxin.sim.behaviour.GeoPoint;
import org.anxin.sim.behaviour.HomeLocator;
import org.anxin.sim.fleet.CredentialsFile;
import org.anxin.sim.fleet.DeviceCredentials;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The devices file and where their people live; shared by fleet, scenario and bad so positions agree. */
public final class DevicesOptions {

  @Option(names = "--devices-file", paramLabel = "FILE",
      defaultValue = "${env:ANXIN_SIM_DEVICES_FILE:-data/demo/devices.csv}",
      description = "Credentials CSV device_id,secret,type,elder_id (written by demo or device import). "
          + "Default ${DEFAULT-VALUE} (env ANXIN_SIM_DEVICES_FILE).")
  Path devicesFile;

  @Option(names = "--seed", defaultValue = "12349", description = "Seed of all behaviour. Default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--homes", paramLabel = "FILE", description = "Home hints: lines id,lat,lon (device or elder id).")
  Path homesFile;

  @Option(names = "--county-centre", paramLabel = "LAT,LON", defaultValue = "30.27,120.15",
      description = "County centre homes are drawn around when not hinted. Default ${DEFAULT-VALUE}.")
  String countyCentre;

  public List<DeviceCredentials> devices() {
    return CredentialsFile.read(devicesFile);
  }

  public long seed() {
    return seed;
  }

  public HomeLocator homes() {
    Map<String, GeoPoint> hints = homesFile == null ? Map.of() : HomeLocator.readHints(homesFile);
    return new HomeLocator(point(countyCentre), 15_000, seed, hints);
  }

  static GeoPoint point(String text) {
    String[] parts = text.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException("a point is LAT,LON, not " + text);
    }
    return new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
  }
}
