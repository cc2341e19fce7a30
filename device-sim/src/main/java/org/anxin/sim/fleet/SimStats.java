package org.anxin.sim.fleet;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters shared by every device of a run: what the progress line and the reports print. */
public final class SimStats {

  private final AtomicInteger connected = new AtomicInteger();
  private final LongAdder sent = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder resent = new LongAdder();
  private final LongAdder commands = new LongAdder();

  /** A snapshot of the counters. */
  public record Snapshot(int connected, long sent, long acked, long errors, long resent, long commands) {
  }

  void connectedOne() {
    connected.incrementAndGet();
  }

  void disconnectedOne() {
    connected.decrementAndGet();
  }

  void sentOne() {
    sent.increment();
  }

  void ackedOne() {
    acked.increment();
  }

  void errorOne() {
    errors.increment();
  }

  void resentOne() {
    resent.increment();
  }

  void commandOne() {
    commands.increment();
  }

  public Snapshot snapshot() {
    return new Snapshot(connected.get(), sent.sum(), acked.sum(), errors.sum(), resent.sum(), commands.sum());
  }
}
