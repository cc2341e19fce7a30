package org.anxin.sim.fleet;

import org.anxin.sim.behaviour.HomeLocator;
import org.anxin.sim.behaviour.SimClock;
import org.anxin.sim.behaviour.TerminalBehaviour;
import org.anxin.sim.behaviour.WristbandBehaviour;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fleet of wristbands and home terminals, one MQTT connection each, sharing one timer for their reports and the
 * HiveMQ client's event loops for their connections. Connections open at a bounded rate so that a fleet of
 * thousands does not knock on the broker all at once.
 */
public final class Fleet implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

  private final List<SimulatedDevice> devices;
  private final ScheduledExecutorService timer;
  private final FleetOptions options;
  private final SimStats stats;

  private Fleet(List<SimulatedDevice> devices, ScheduledExecutorService timer, FleetOptions options,
                SimStats stats) {
    this.devices = devices;
    this.timer = timer;
    this.options = options;
    this.stats = stats;
  }

  public static Fleet create(List<DeviceCredentials> credentials, FleetOptions options, SimStats stats) {
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "sim-timer");
      t.setDaemon(true);
      return t;
    });
    SimClock clock = new SimClock(Clock.systemUTC(), options.simStart(), options.speed(), options.zone());
    List<SimulatedDevice> devices = new ArrayList<>(credentials.size());
    for (DeviceCredentials device : credentials) {
      devices.add(newDevice(device, options, stats, clock, timer));
    }
    return new Fleet(devices, timer, options, stats);
  }

  private static SimulatedDevice newDevice(DeviceCredentials device, FleetOptions options, SimStats stats,
                                           SimClock clock, ScheduledExecutorService timer) {
    Random random = new Random(options.seed() ^ device.deviceId().hashCode() * 0x9E3779B97F4A7C15L);
    DeviceLink link = new DeviceLink(device, options.broker(), options.link(), stats);
    if (device.isWristband()) {
      WristbandBehaviour person = new WristbandBehaviour(
          options.homes().homeOf(device.deviceId(), device.elderId()), random);
      return new Wristband(link, clock, timer, options.intervalS(), person);
    }
    return new HomeTerminal(link, clock, timer, options.intervalS(), new TerminalBehaviour(random));
  }

  /**
   * A fleet of the devices in a credentials file with the defaults of {@code fleet} (reports every 60 simulated
   * seconds, seed 12349, homes around the default county centre), for a node that runs a small fleet of its own
   * (the demo); start it with {@link #start()} and stop it with {@link #close()}.
   */
  public static Fleet ofFile(Path devicesFile, String brokerUrl, double speed, ZoneId zone) {
    long seed = 12_349;
    FleetOptions options = new FleetOptions(BrokerAddress.parse(brokerUrl), LinkOptions.defaults(), 60, speed,
        Instant.now(), zone, seed, HomeLocator.around(HomeLocator.DEFAULT_CENTRE, seed), 500);
    return create(CredentialsFile.read(devicesFile), options, new SimStats());
  }

  /** Starts every device, {@code connectsPerSecond} at a time; completes when each has connected or failed. */
  public CompletableFuture<Void> start() {
    Random spread = new Random(options.seed());
    List<CompletableFuture<Void>> started = new ArrayList<>(devices.size());
    long gapMicros = 1_000_000L / Math.max(1, options.connectsPerSecond());
    for (int i = 0; i < devices.size(); i++) {
      SimulatedDevice device = devices.get(i);
      double firstDelay = spread.nextDouble();
      CompletableFuture<Void> done = new CompletableFuture<>();
      timer.schedule(() -> device.start(firstDelay).whenComplete((ok, e) -> {
        if (e != null) {
          LOG.warn("{} could not connect: {}", device.link().device().deviceId(), e.getMessage());
        }
        done.complete(null);
      }), i * gapMicros, TimeUnit.MICROSECONDS);
      started.add(done);
    }
    return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
  }

  public List<SimulatedDevice> devices() {
    return devices;
  }

  /** Says goodbye on every connection (so no Will fires) and stops the timer. */
  @Override
  public void close() {
    CompletableFuture.allOf(devices.stream().map(SimulatedDevice::stop).toArray(CompletableFuture[]::new))
        .orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
    timer.shutdownNow();
  }
}
