package org.anxin.dispatcher.escalation;

import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.dispatch.AlarmView;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

/**
 * The alarm state machine (DESIGN.md "Alarms"): OPEN → ACKNOWLEDGED → ON_SITE → RESOLVED or FALSE_ALARM. Any step
 * past OPEN acknowledges too (its time counts as the acknowledgement when none came before) and stops escalation.
 */
final class AlarmTransitions {

  private static final Set<String> OPEN_STATES = Set.of("OPEN", "ACKNOWLEDGED", "ON_SITE");

  private AlarmTransitions() {
  }

  /** Fails with 409 naming the state, and who put it there, when the action is not allowed from it. */
  static void check(AlarmView alarm, AlarmAction action) {
    boolean allowed = switch (action) {
      case ACKNOWLEDGE -> alarm.state().equals("OPEN");
      case ON_SITE -> alarm.state().equals("OPEN") || alarm.state().equals("ACKNOWLEDGED");
      case RESOLVE, FALSE_ALARM -> OPEN_STATES.contains(alarm.state());
    };
    if (!allowed) {
      String by = alarm.closedBy() != null ? " by " + alarm.closedBy()
          : alarm.acknowledgedBy() != null ? " by " + alarm.acknowledgedBy() : "";
      throw BusException.conflict("alarm " + alarm.id() + " is " + alarm.state() + by + "; " + action
          + " is not allowed from it");
    }
  }

  static void apply(Connection c, AlarmView alarm, AlarmCommand command, Instant now) throws SQLException {
    String actor = command.actor();
    switch (command.action()) {
      case ACKNOWLEDGE -> Jdbc.update(c, EscalationSql.ACKNOWLEDGE, now, actor, alarm.id());
      case ON_SITE -> Jdbc.update(c, EscalationSql.ON_SITE, now, now, actor, alarm.id());
      case RESOLVE -> Jdbc.update(c, EscalationSql.CLOSE, "RESOLVED", now, actor, command.note(), now, actor,
          alarm.id());
      case FALSE_ALARM -> Jdbc.update(c, EscalationSql.CLOSE, "FALSE_ALARM", now, actor, command.note(), now, actor,
          alarm.id());
    }
  }

  static AlarmChanged.Change changeOf(AlarmAction action) {
    return switch (action) {
      case ACKNOWLEDGE -> AlarmChanged.Change.ACKNOWLEDGED;
      case ON_SITE -> AlarmChanged.Change.ON_SITE;
      case RESOLVE -> AlarmChanged.Change.RESOLVED;
      case FALSE_ALARM -> AlarmChanged.Change.FALSE_ALARM;
    };
  }
}
