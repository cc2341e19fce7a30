package org.anxin.sim.cli;

import picocli.CommandLine.Command;

/** {@code bench}: the load generator behind docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchIngestCommand.class,
    BenchAlarmCommand.class},
    description = "Load benchmarks: ingest throughput and latency, SOS-to-alarm latency under load.")
public final class BenchCommand {
}
