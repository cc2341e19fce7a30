package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.RaiseRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * INACTIVITY, on a timer: no movement from any device of the elder or the household (home motion, a door, the
 * wristband's steps, so an elder out for a walk is not inactive) for the elder's window, default 12 h, raised by
 * day only. Raised once per quiet spell; the next movement is recorded on the alarm, which waits for a person.
 */
public final class InactivityCheck {

  private final Instant watchingSince;
  private final Map<Long, Instant> raisedFor = new HashMap<>();

  /** @param watchingSince when this gateway started watching: the baseline for elders with no known movement */
  public InactivityCheck(Instant watchingSince) {
    this.watchingSince = watchingSince;
  }

  public void run(Instant now, Liveness liveness, RuleBook book, RuleActions actions) {
    for (long elderId : watchedElders(liveness, book)) {
      Long householdId = book.householdOf().get(elderId);
      Instant moved = liveness.lastMovement(elderId, householdId);
      Instant quietSince = moved == null ? watchingSince : moved;
      AlarmSubject subject = new AlarmSubject(elderId, householdId, null, null, null);
      Instant raised = raisedFor.get(elderId);
      if (raised != null && quietSince.isAfter(raised)) {
        raisedFor.remove(elderId);
        actions.clear(new ClearRequest("INACTIVITY|" + subject.key() + "|moved|" + quietSince.toEpochMilli(),
            subject, AlarmType.INACTIVITY, null, quietSince, new JsonObject().put("movedAt", quietSince.toString())));
        continue;
      }
      ElderRules rules = book.forElder(elderId);
      Duration quiet = Duration.between(quietSince, now);
      boolean byDay = rules.day().contains(now.atZone(rules.timezone()).toLocalTime());
      if (raised == null && byDay && quiet.compareTo(rules.inactivity()) >= 0) {
        raisedFor.put(elderId, quietSince);
        JsonObject details = new JsonObject().put("quietSince", quietSince.toString())
            .put("quietMinutes", quiet.toMinutes()).put("windowMinutes", rules.inactivity().toMinutes());
        actions.raise(new RaiseRequest("INACTIVITY|" + subject.key() + "|" + quietSince.toEpochMilli(), subject,
            AlarmType.INACTIVITY, AlarmType.INACTIVITY.defaultPriority(), null, now, null, null, details));
      }
    }
  }

  /** Elders with at least one device of their own or of their household. */
  private static Set<Long> watchedElders(Liveness liveness, RuleBook book) {
    Set<Long> elders = new HashSet<>();
    for (Liveness.Device d : liveness.devices()) {
      if (d.elderId != null) {
        elders.add(d.elderId);
      }
      elders.addAll(book.eldersOf(d.householdId));
    }
    elders.retainAll(book.householdOf().keySet());
    return elders;
  }
}
