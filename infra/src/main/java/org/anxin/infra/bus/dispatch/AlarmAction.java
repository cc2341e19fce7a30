package org.anxin.infra.bus.dispatch;

/** What an {@code alarm.command} asks for. */
public enum AlarmAction {
  /** From OPEN: someone takes it; escalation stops. */
  ACKNOWLEDGE,
  /** From OPEN or ACKNOWLEDGED: someone is with the elder (acknowledges too when still OPEN). */
  ON_SITE,
  /** From any open state: handled. A RESOLVED FALL proposes a MEDICAL visit order. */
  RESOLVE,
  /** From any open state, with a mandatory note: there was no emergency. */
  FALSE_ALARM
}
