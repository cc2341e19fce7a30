package org.anxin.gateway.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every per-message rule on each device message, and the timer checks when asked, on the event loop with no
 * I/O. A message not newer than the last one of its device and boot (a redelivery, or one overtaken) feeds no
 * stateful rule; the stateless event rules still see it, since raising is idempotent on the message and an SOS
 * must never be lost. One rule failing on a message does not keep the others from seeing it.
 */
public final class RuleEngine {

  private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

  private final Clock clock;
  private final RuleActions actions;
  private final List<Rule> stateless = List.of(new EventAlarmRule(), new NightDoorRule());
  private final List<Rule> stateful = List.of(new FenceRule(), new HeartRateRule(), new LowBatteryRule(),
      new StrapOffRule());
  private final Liveness liveness = new Liveness();
  private final InactivityCheck inactivity;
  private final OfflineCheck offline;
  private final Map<String, Mark> lastSeen = new HashMap<>();
  private RuleBook book;

  private record Mark(String boot, long seq) {
  }

  public RuleEngine(Clock clock, RuleBook book, OfflineCheck.Limits limits, RuleActions actions) {
    this.clock = clock;
    this.book = book;
    this.actions = actions;
    this.inactivity = new InactivityCheck(clock.instant());
    this.offline = new OfflineCheck(limits);
  }

  /** Replaces the settings, e.g. after an elder's safe zone changed. */
  public void useBook(RuleBook fresh) {
    this.book = fresh;
  }

  public RuleBook book() {
    return book;
  }

  public Liveness liveness() {
    return liveness;
  }

  public void accept(RuleInput in) {
    ElderRules settings = book.forElder(in.elderId());
    run(stateless, in, settings);
    if (isFresh(in)) {
      liveness.observe(in);
      run(stateful, in, settings);
    }
  }

  private void run(List<Rule> rules, RuleInput in, ElderRules settings) {
    for (Rule rule : rules) {
      try {
        rule.evaluate(in, settings, actions);
      } catch (RuntimeException e) {
        LOG.error("Rule {} failed on message {}/{}/{} of {}", rule.getClass().getSimpleName(), in.boot(), in.seq(),
            in.channel(), in.deviceId(), e);
      }
    }
  }

  /** Runs the timer checks over the latest state. */
  public void check() {
    try {
      offline.run(clock.instant(), liveness, actions);
      inactivity.run(clock.instant(), liveness, book, actions);
    } catch (RuntimeException e) {
      LOG.error("The timer alarm checks failed", e);
    }
  }

  private boolean isFresh(RuleInput in) {
    if (in.seq() == null) {
      return true;
    }
    Mark mark = lastSeen.get(in.deviceId());
    if (mark != null && mark.boot().equals(in.boot()) && in.seq() <= mark.seq()) {
      return false;
    }
    lastSeen.put(in.deviceId(), new Mark(in.boot(), in.seq()));
    return true;
  }
}
