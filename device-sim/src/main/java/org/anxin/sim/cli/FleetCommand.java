package org.anxin.sim.cli;

import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.DeviceType;
import org.anxin.sim.fleet.Fleet;
import org.anxin.sim.fleet.FleetOptions;
import org.anxin.sim.fleet.ProgressLine;
import org.anxin.sim.fleet.SimStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code fleet}: runs the devices of a credentials file until stopped, printing a progress line. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
    description = "Run simulated wristbands and home terminals, one MQTT connection each with its own credentials.")
public final class FleetCommand implements Callable<Integer> {

  @Mixin
  BrokerOptions broker;

  @Mixin
  DevicesOptions devicesOptions;

  @Option(names = "--wristbands", paramLabel = "N", description = "Run at most N wristbands of the file (default all).")
  Integer wristbands;

  @Option(names = "--terminals", paramLabel = "M", description = "Run at most M home terminals (default all).")
  Integer terminals;

  @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
      description = "Simulated time runs X times faster (a day in 24 min at 60). Default ${DEFAULT-VALUE}.")
  double speed;

  @Option(names = "--interval", defaultValue = "60", paramLabel = "S",
      description = "Reporting interval in simulated seconds until set_interval says otherwise. "
          + "Default ${DEFAULT-VALUE}.")
  int intervalS;

  @Option(names = "--start-at", paramLabel = "HH:MM",
      description = "Local time (ANXIN_TIMEZONE) the simulated day starts at; default now.")
  LocalTime startAt;

  @Option(names = "--connect-rate", defaultValue = "500", paramLabel = "N",
      description = "Connections opened per second while ramping up. Default ${DEFAULT-VALUE}.")
  int connectRate;

  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
      description = "Stop after D (e.g. 10m); default run until stopped (Ctrl-C).")
  Duration duration;

  @Override
  public Integer call() throws InterruptedException {
    List<DeviceCredentials> devices = select(devicesOptions.devices());
    SimStats stats = new SimStats();
    Fleet fleet = Fleet.create(devices, options(), stats);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      fleet.close();
      stopped.countDown();
    }, "sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    System.err.printf("fleet: %d devices against %s%n", devices.size(), broker.address());
    try (ProgressLine progress = new ProgressLine(stats, devices.size(), System.err).start()) {
      fleet.start();
      if (duration == null) {
        stopped.await();
      } else if (!stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
        Runtime.getRuntime().removeShutdownHook(hook);
        fleet.close();
      }
    }
    return 0;
  }

  private List<DeviceCredentials> select(List<DeviceCredentials> all) {
    Stream<DeviceCredentials> bands = all.stream().filter(DeviceCredentials::isWristband);
    Stream<DeviceCredentials> homes = all.stream().filter(d -> d.type() == DeviceType.HOME_TERMINAL);
    return Stream.concat(bands.limit(wristbands == null ? Long.MAX_VALUE : wristbands),
        homes.limit(terminals == null ? Long.MAX_VALUE : terminals)).toList();
  }

  private FleetOptions options() {
    ZoneId zone = SimEnvironment.zone();
    Instant start = startAt == null ? Instant.now()
        : ZonedDateTime.now(zone).with(startAt).toInstant();
    return new FleetOptions(broker.address(), broker.linkOptions(), intervalS, speed, start, zone,
        devicesOptions.seed(), devicesOptions.homes(), connectRate);
  }
}
