package org.anxin.sim.pbx;

import java.util.List;

/**
 * How a number the PBX dials out to behaves: whether it answers, and the keys it presses in the script the call
 * runs (as in {@link CallScript}).
 */
public record Callee(boolean answers, List<String> keys) {

  public Callee {
    keys = List.copyOf(keys);
  }

  public static Callee answering(String... keys) {
    return new Callee(true, List.of(keys));
  }

  public static Callee notAnswering() {
    return new Callee(false, List.of());
  }
}
