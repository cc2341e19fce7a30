package org.anxin.dispatcher.escalation;

import org.anxin.infra.bus.dispatch.AlarmView;

/** Whom an alarm is about and where: its elders (one, or a household's), their names, the address and area. */
record AlarmScope(Long householdId, String address, Long villageId, Long townshipId, Long[] elderIds, String names) {

  /** The elder a notification is about: the alarm's own, else the first of its household, else none. */
  Long elderOf(AlarmView alarm) {
    return alarm.elderId() != null ? alarm.elderId() : elderIds.length > 0 ? elderIds[0] : null;
  }
}
