package org.anxin.gateway.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every per-message rule on each device message, and the timer checks when asked, on the event loop with no
 * I/O. A device event may arrive twice, first on the alarm path's own session ({@link #acceptEvent}) and then with
 * the stored stream ({@link #accept}): the stateless event rules run on whichever copy comes first. A message not
 * newer than the last one of its device and boot (a redelivery, or one overtaken) feeds no stateful rule; the
 * stateless rules still see it unless they already did, since raising is idempotent on the message and an SOS must
 * never be lost. One rule failing on a message does not keep the others from seeing it.
 */
public final class RuleEngine {

  private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);
  /** Events whose stateless rules ran, remembered to skip their second copy; far more than ever in flight. */
  private static final int EVENTS_REMEMBERED = 100_000;

  private final Clock clock;
  private final RuleActions actions;
  private final List<Rule> stateless = List.of(new EventAlarmRule(), new NightDoorRule());
  private final List<Rule> stateful = List.of(new FenceRule(), new HeartRateRule(), new LowBatteryRule(),
      new StrapOffRule());
  private final Liveness liveness = new Liveness();
  private final InactivityCheck inactivity;
  private final OfflineCheck offline;
  private final Map<String, Mark> lastSeen = new HashMap<>();
  private final Set<String> eventsSeen = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > EVENTS_REMEMBERED;
    }
  });
  private RuleBook book;

  private record Mark(String boot, long seq) {
  }

  public RuleEngine(Clock clock, RuleBook book, OfflineCheck.Limits limits, RuleActions actions) {
    this.clock = clock;
    this.book = book;
    this.actions = new PositionedActions(actions, liveness);
    this.inactivity = new InactivityCheck(clock.instant());
    this.offline = new OfflineCheck(limits);
  }

  /** Replaces the settings, e.g. after an elder's safe zone changed. */
  public void useBook(RuleBook fresh) {
    this.book = fresh;
  }

  public Liveness liveness() {
    return liveness;
  }

  /** A device event from the alarm path's own session: only the stateless rules, once per event. */
  public void acceptEvent(RuleInput in) {
    if (firstCopy(in)) {
      run(stateless, in, book.forElder(in.elderId()));
    }
  }

  /** A message of the stored stream: the stateless rules unless its event was seen already, then the others. */
  public void accept(RuleInput in) {
    ElderRules settings = book.forElder(in.elderId());
    if (firstCopy(in)) {
      run(stateless, in, settings);
    }
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

  /** Whether the stateless rules have not seen this event yet; always true for other channels. */
  private boolean firstCopy(RuleInput in) {
    return !RuleInput.EVENT.equals(in.channel()) || in.seq() == null
        || eventsSeen.add(in.deviceId() + "|" + in.boot() + "|" + in.seq());
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
