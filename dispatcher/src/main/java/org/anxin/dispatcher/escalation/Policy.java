package org.anxin.dispatcher.escalation;

import org.anxin.dispatcher.notify.ChannelKind;

import java.util.List;

/**
 * An escalation chain as stored: ordered steps, and the interval at which the last one repeats until someone
 * acknowledges.
 */
record Policy(long id, int repeatIntervalS, List<Step> steps) {

  /** Whom to notify, how, and who without a shift now stays out. */
  record Target(RecipientKind kind, List<ChannelKind> channels, boolean onShiftOnly) {
  }

  /** One step: its targets at once, then {@code waitS} for an acknowledgement. */
  record Step(int number, int waitS, List<Target> targets) {
  }

  Policy {
    if (steps.isEmpty()) {
      throw new IllegalStateException("escalation policy " + id + " has no steps");
    }
    steps = List.copyOf(steps);
  }

  /** The definition of the n-th step taken (1-based); past the last step, the last one again. */
  Step step(int n) {
    return steps.get(Math.min(n, steps.size()) - 1);
  }

  /** Whether the n-th step taken repeats the last one. */
  boolean repeats(int n) {
    return n > steps.size();
  }

  /** How long the n-th step waits before the next: the step's own wait, or the repeat interval once repeating. */
  int waitAfterS(int n) {
    return n >= steps.size() ? repeatIntervalS : step(n).waitS();
  }
}
