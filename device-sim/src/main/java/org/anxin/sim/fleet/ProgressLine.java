package org.anxin.sim.fleet;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints once a second how many devices are connected and what was sent, acknowledged and failed per second. */
public final class ProgressLine implements AutoCloseable {

  private final SimStats stats;
  private final int devices;
  private final PrintStream out;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sim-progress");
    t.setDaemon(true);
    return t;
  });
  private SimStats.Snapshot previous;

  public ProgressLine(SimStats stats, int devices, PrintStream out) {
    this.stats = stats;
    this.devices = devices;
    this.out = out;
    this.previous = stats.snapshot();
  }

  public ProgressLine start() {
    ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    return this;
  }

  private void print() {
    SimStats.Snapshot now = stats.snapshot();
    out.printf("connected %d/%d | sent %d/s acked %d/s errors %d/s | total sent %d acked %d errors %d resent %d"
            + " commands %d%n", now.connected(), devices, now.sent() - previous.sent(),
        now.acked() - previous.acked(), now.errors() - previous.errors(), now.sent(), now.acked(), now.errors(),
        now.resent(), now.commands());
    previous = now;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
