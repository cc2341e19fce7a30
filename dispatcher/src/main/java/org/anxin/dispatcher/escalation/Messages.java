package org.anxin.dispatcher.escalation;

import org.anxin.infra.bus.dispatch.AlarmView;

/** The text of a notification: short enough for one SMS, saying what, who, where and what to do. */
final class Messages {

  private Messages() {
  }

  static String text(AlarmView alarm, AlarmScope scope, RecipientKind to, int step) {
    if (to == RecipientKind.ELDER) {
      return "12349 calling back about the " + alarm.type() + " alarm at your home (alarm " + alarm.id() + ").";
    }
    return "[12349] " + alarm.type() + " alarm " + alarm.id() + " (priority " + alarm.priority() + ")" + about(scope)
        + ". Step " + step + ": please acknowledge.";
  }

  /** A new occurrence of an alarm someone has taken on: the elder may need help sooner than planned. */
  static String repeatText(AlarmView alarm, AlarmScope scope, int occurrences) {
    return "[12349] AGAIN: " + alarm.type() + " alarm " + alarm.id() + about(scope) + " raised again (" + occurrences
        + " times), " + alarm.state() + " by " + alarm.acknowledgedBy() + ". Please hurry.";
  }

  private static String about(AlarmScope scope) {
    String who = scope.names() == null ? "area" : scope.names();
    return " for " + who + (scope.address() == null ? "" : " at " + scope.address());
  }
}
