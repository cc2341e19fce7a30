package org.anxin.dispatcher.escalation;

/** Whom an alarm is about and where: its elders (one, or a household's), their names, the address and area. */
record AlarmScope(Long householdId, String address, Long villageId, Long townshipId, Long[] elderIds, String names) {
}
