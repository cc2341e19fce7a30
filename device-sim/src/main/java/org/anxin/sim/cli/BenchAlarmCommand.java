package org.anxin.sim.cli;

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
    return options.runAndPrint(Math.max(1, sosCount));
  }
}
