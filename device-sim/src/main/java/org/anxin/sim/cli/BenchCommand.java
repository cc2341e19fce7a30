package org.anxin.sim.cli;

import picocli.CommandLine.Command;

/** {@code bench}: the load generator behind docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load benchmarks: ingest and alarm latency.")
public final class BenchCommand {
}
