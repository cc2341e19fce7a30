package org.anxin.sim.cli;

import org.anxin.infra.db.DatabaseOptions;
import org.anxin.sim.bench.BenchConfig;
import org.anxin.sim.bench.BenchReport;
import org.anxin.sim.bench.IngestBench;
import org.anxin.sim.fleet.CredentialsFile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** The options both benchmarks share. */
public final class BenchOptions {

  @Mixin
  BrokerOptions broker;

  @Option(names = "--devices", defaultValue = "1000", paramLabel = "N",
      description = "Devices. Default ${DEFAULT-VALUE}.")
  int devices;

  @Option(names = "--rate", defaultValue = "1000", paramLabel = "R",
      description = "Messages per second, all devices together (open loop). Default ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--duration", defaultValue = "60s", paramLabel = "D", converter = DurationConverter.class,
      description = "How long the load runs. Default ${DEFAULT-VALUE}.")
  Duration duration;

  @Option(names = "--db-url", paramLabel = "JDBC", defaultValue = "${env:ANXIN_DB_URL}",
      description = "The platform's database, to count committed rows and run the COPY baseline (env ANXIN_DB_URL).")
  String dbUrl;

  @Option(names = "--db-user", defaultValue = "${env:ANXIN_DB_USER:-postgres}",
      description = "Default ${DEFAULT-VALUE}.")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "${env:ANXIN_DB_PASSWORD:-}", description = "Env ANXIN_DB_PASSWORD.")
  String dbPassword;

  @Option(names = "--register",
      description = "Register the bench devices (DeviceRegistry) for the run, then remove them.")
  boolean register;

  @Option(names = "--keep", description = "With --register: keep the devices and their rows afterwards.")
  boolean keep;

  @Option(names = "--prefix", defaultValue = "bench-",
      description = "Id prefix of bench devices. Default ${DEFAULT-VALUE}.")
  String prefix;

  @Option(names = "--devices-file", paramLabel = "FILE", description = "Use these registered devices instead.")
  Path devicesFile;

  @Option(names = "--platform-user", defaultValue = "${env:ANXIN_MQTT_USER}",
      description = "Account of the broker_only counting subscriber (env ANXIN_MQTT_USER).")
  String platformUser;

  @Option(names = "--platform-password", defaultValue = "${env:ANXIN_MQTT_PASSWORD}",
      description = "Its password (env ANXIN_MQTT_PASSWORD).")
  String platformPassword;

  @Option(names = "--connect-rate", defaultValue = "1000",
      description = "Connections per second. Default ${DEFAULT-VALUE}.")
  int connectRate;

  @Option(names = "--late-ms", defaultValue = "10",
      description = "A send this late is counted late. Default ${DEFAULT-VALUE}.")
  long lateMs;

  @Option(names = "--drain", defaultValue = "60s", converter = DurationConverter.class,
      description = "Longest wait for acks, commits and alarms after the load. Default ${DEFAULT-VALUE}.")
  Duration drain;

  @Option(names = "--settle", defaultValue = "6s", converter = DurationConverter.class,
      description = "With --register: wait this long for the gateway to reread the devices. Default ${DEFAULT-VALUE}.")
  Duration settle;

  @Option(names = "--copy-batch", defaultValue = "1000",
      description = "Rows per COPY in copy_only. Default ${DEFAULT-VALUE}.")
  int copyBatch;

  /** Runs the bench and prints its report as JSON, then as a table. */
  int runAndPrint(int sosCount) throws InterruptedException {
    BenchReport report = new IngestBench(config(sosCount), System.err).run();
    System.out.println(report.toJson().encodePrettily());
    System.out.println();
    System.out.print(report.table());
    return 0;
  }

  private BenchConfig config(int sosCount) {
    DatabaseOptions db = dbUrl == null || dbUrl.isBlank() ? null
        : new DatabaseOptions(dbUrl, dbUser, dbPassword, 2, 10_000);
    return new BenchConfig(broker.address(), devices, rate, duration, broker.qos(), db, register, keep, prefix,
        devicesFile == null ? null : CredentialsFile.read(devicesFile), platformUser, platformPassword, connectRate,
        Duration.ofMillis(lateMs), drain, copyBatch, sosCount, settle);
  }
}
