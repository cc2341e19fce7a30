package org.anxin.sim.protocol;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One boot of a device: a {@code boot} id (at most 16 characters, new at each restart) and the {@code seq} counter
 * that increases within it. Stamps every outgoing payload with {@code ts}, {@code seq} and {@code boot}.
 */
public final class BootSession {

  private final String boot;
  private final AtomicLong seq = new AtomicLong();
  private final LongSupplier clockMs;

  public BootSession(String boot, LongSupplier clockMs) {
    if (boot.isEmpty() || boot.length() > 16) {
      throw new IllegalArgumentException("a boot id has 1 to 16 characters: '" + boot + "'");
    }
    this.boot = boot;
    this.clockMs = clockMs;
  }

  /** A boot with a fresh id: base-36 of the start time and a random suffix, 12 characters at most. */
  public static BootSession fresh() {
    String id = Long.toString(System.currentTimeMillis(), 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    return new BootSession(id, System::currentTimeMillis);
  }

  public String boot() {
    return boot;
  }

  /** The seq the next stamped message will carry. */
  public long peekSeq() {
    return seq.get();
  }

  /** A copy of {@code body} with {@code ts} (now), the next {@code seq} and {@code boot}. */
  public JsonObject stamp(JsonObject body) {
    return stamp(body, clockMs.getAsLong());
  }

  /** As {@link #stamp(JsonObject)} with a given measurement time, for readings taken earlier than sent. */
  public JsonObject stamp(JsonObject body, long tsMs) {
    return body.copy().put("ts", tsMs).put("seq", seq.getAndIncrement()).put("boot", boot);
  }

  /** The Last Will: {@code boot} but no {@code seq} or {@code ts}, as the protocol says. */
  public JsonObject will() {
    return Payloads.status(false).put("boot", boot);
  }
}
