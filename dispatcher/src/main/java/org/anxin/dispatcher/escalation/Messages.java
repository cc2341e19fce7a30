package org.anxin.dispatcher.escalation;

import org.anxin.infra.bus.dispatch.AlarmView;

/** The text of a notification: short enough for one SMS, saying what, who, where and what to do. */
final class Messages {

  private Messages() {
  }

  static String text(AlarmView alarm, AlarmScope scope, RecipientKind to, int step) {
    String who = scope.names() == null ? "area" : scope.names();
    String where = scope.address() == null ? "" : " at " + scope.address();
    if (to == RecipientKind.ELDER) {
      return "12349 calling back about the " + alarm.type() + " alarm at your home (alarm " + alarm.id() + ").";
    }
    return "[12349] " + alarm.type() + " alarm " + alarm.id() + " (priority " + alarm.priority() + ") for " + who
        + where + ". Step " + step + ": please acknowledge.";
  }
}
