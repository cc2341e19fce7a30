package org.anxin.sim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code bench ingest}: sent, acknowledged, committed, latency, and the two baselines, as JSON and a table. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Drive N devices open-loop at a fixed total rate; report sent, acknowledged and committed "
        + "messages, publish-to-ack latency, and the broker_only and copy_only baselines of the same run.")
public final class BenchIngestCommand implements Callable<Integer> {

  @Mixin
  BenchOptions options;

  @Override
  public Integer call() throws InterruptedException {
    return options.runAndPrint(0);
  }
}
