package org.anxin.sim.scenario;

import org.anxin.sim.behaviour.HomeLocator;
import org.anxin.sim.fleet.BrokerAddress;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.DeviceType;
import org.anxin.sim.fleet.LinkOptions;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Plays scenarios for devices of a credentials list, picking an elder's device of the right kind when asked. */
public final class ScenarioRunner {

  private final List<DeviceCredentials> devices;
  private final BrokerAddress broker;
  private final LinkOptions linkOptions;
  private final HomeLocator homes;
  private final ZoneId zone;
  private final long seed;
  private final PrintStream log;

  public ScenarioRunner(List<DeviceCredentials> devices, BrokerAddress broker, LinkOptions linkOptions,
                        HomeLocator homes, ZoneId zone, long seed, PrintStream log) {
    this.devices = devices;
    this.broker = broker;
    this.linkOptions = linkOptions;
    this.homes = homes;
    this.zone = zone;
    this.seed = seed;
    this.log = log;
  }

  public void play(ScenarioName name, String deviceId, Long elderId, ScenarioOptions options)
      throws InterruptedException {
    DeviceCredentials device = deviceId != null ? byId(deviceId) : forElder(elderId, name.playedBy());
    ScenarioContext context = new ScenarioContext(device, broker, linkOptions, options,
        homes.homeOf(device.deviceId(), device.elderId()), zone, seed, log);
    log.printf("scenario %s on %s%n", name.cliName(), device.deviceId());
    name.scenario().play(context);
  }

  public DeviceCredentials byId(String deviceId) {
    return devices.stream().filter(d -> d.deviceId().equals(deviceId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("device " + deviceId + " is not in the devices file"));
  }

  /** The elder's device of the wanted kind; for either kind, a wristband before a terminal. */
  public DeviceCredentials forElder(Long elderId, DeviceType wanted) {
    Objects.requireNonNull(elderId, "name a device or an elder");
    return devices.stream()
        .filter(d -> elderId.equals(d.elderId()))
        .filter(d -> wanted == null || d.type() == wanted)
        .min(Comparator.comparing(d -> d.type() == DeviceType.WRISTBAND ? 0 : 1))
        .orElseThrow(() -> new IllegalArgumentException("elder " + elderId + " has no "
            + (wanted == null ? "device" : wanted.name().toLowerCase().replace('_', ' ')) + " in the devices file"));
  }
}
