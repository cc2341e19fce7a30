package org.anxin.console.stream;

import io.vertx.core.json.JsonObject;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.infra.alarm.AlarmRaised;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.stream.StreamNotice;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Who sees which bus message on the stream, by the same {@link org.anxin.console.auth.Scope} as the API: an event
 * about an elder goes to staff and to the users whose scope holds that elder (or, for a household's alarm, its
 * household); a notice only to the users it names; a call only to the desk.
 */
final class Audiences {

  private static final Set<Role> DESK = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR);

  private Audiences() {
  }

  /**
   * Staff get the change as published; others its alarm with the step and note only, without delivery details about
   * other people (as the API's alarm history does).
   */
  static Function<Principal, JsonObject> alarm(AlarmChanged changed) {
    JsonObject full = changed.toJson();
    return p -> {
      if (!p.scope().seesAlarm(changed.alarm().elderId(), changed.alarm().householdId())) {
        return null;
      }
      if (p.staff()) {
        return full;
      }
      JsonObject kept = new JsonObject();
      for (String key : new String[] {"note", "step"}) {
        if (changed.details().containsKey(key)) {
          kept.put(key, changed.details().getValue(key));
        }
      }
      return full.copy().put("details", kept);
    };
  }

  static Function<Principal, JsonObject> raised(AlarmRaised raised) {
    JsonObject data = new JsonObject().put("key", raised.alarm().key()).put("type", raised.alarm().type().name())
        .put("priority", raised.alarm().priority()).put("elderId", raised.alarm().subject().elderId())
        .put("householdId", raised.alarm().subject().householdId()).put("at", raised.alarm().at().toEpochMilli())
        .put("repeat", raised.repeat());
    return p -> p.scope().seesAlarm(raised.alarm().subject().elderId(), raised.alarm().subject().householdId())
        ? data : null;
  }

  static Function<Principal, JsonObject> order(OrderChanged changed) {
    JsonObject data = changed.toJson();
    return p -> p.scope().seesElder(changed.order().elderId()) ? data : null;
  }

  /** Only the users named, and still only within their scope (a notice about an elder they no longer follow). */
  static Function<Principal, JsonObject> notice(StreamNotice notice) {
    JsonObject data = new JsonObject().put("key", notice.key()).put("subject", notice.subject())
        .put("elderId", notice.elderId()).put("text", notice.text()).put("alarm", notice.payload());
    return p -> notice.userIds().contains(p.id()) && (p.staff() || p.scope().seesElder(notice.elderId()))
        ? data : null;
  }

  static Function<Principal, JsonObject> call(JsonObject event) {
    return p -> DESK.contains(p.role()) ? event : null;
  }
}
