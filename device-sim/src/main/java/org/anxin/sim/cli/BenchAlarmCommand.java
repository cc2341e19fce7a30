package org.anxin.sim.cli;

import org.anxin.sim.bench.BenchReport;
import org.anxin.sim.bench.IngestBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bench alarm}: SOS presses during the ingest load, timed from publish to the alarm row. */
@Command(name = "alarm", mixinStandardHelpOptions = true,
    description = "Run the ingest load and press SOS on distinct devices spread over it; report the time from "
        + "publish to the alarm row (alarms.source_device_id/boot/seq) at p50, p99 and max.")
public final class BenchAlarmCommand implements Callable<Integer> {

  @Mixin
  BenchOptions options;

  @Option(names = "--sos", defaultValue = "50", paramLabel = "N",
      description = "SOS presses spread over the load (each from another device). Default ${DEFAULT-VALUE}.")
  int sosCount;

  @Override
  public Integer call() throws InterruptedException {
    BenchReport report = new IngestBench(options.config(Math.max(1, sosCount)), System.err).run();
    System.out.println(report.toJson().encodePrettily());
    System.out.println();
    System.out.print(report.table());
    return 0;
  }
}
