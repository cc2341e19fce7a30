package org.anxin.server.demo;

import org.anxin.infra.node.Node;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.Fleet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The demo's own simulated devices (those of {@code <data>/demo/devices.csv}) reporting to the node's broker, so the
 * console shows a live county without a second terminal. Closed before the node so the devices say goodbye while
 * the broker still listens.
 */
public final class DemoFleet implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoFleet.class);

  private final Fleet fleet;

  private DemoFleet(Fleet fleet) {
    this.fleet = fleet;
  }

  /** Starts the devices at {@code speed} times real time; returns once each has connected or failed to. */
  public static DemoFleet start(Node node, double speed) {
    Path devicesFile = node.context().node().dataDir().resolve("demo").resolve(DemoCredentials.DEVICES_FILE);
    Fleet fleet = Fleet.ofFile(devicesFile, node.endpoints().mqtt(), speed, node.context().node().timezone());
    fleet.start().join();
    LOG.info("Demo fleet: {} simulated devices report to {} at speed {}", fleet.devices().size(),
        node.endpoints().mqtt(), speed);
    return new DemoFleet(fleet);
  }

  /** One line for the welcome: the fleet runs, and how to play a scenario on one of its wristbands. */
  String welcomeLine() {
    String wristband = fleet.devices().stream().map(d -> d.link().device())
        .filter(DeviceCredentials::isWristband).map(DeviceCredentials::deviceId).findFirst().orElse("<a wristband id>");
    return String.format("  Simulated fleet: %d devices report (off with --no-fleet); play a scenario with "
        + "java -jar device-sim/target/anxin-sim.jar scenario sos --device %s", fleet.devices().size(), wristband);
  }

  @Override
  public void close() {
    LOG.info("Stopping the demo fleet");
    fleet.close();
  }
}
