package org.anxin.gateway.alarm;

import org.anxin.gateway.rules.RuleInput;

import java.time.Instant;

/**
 * Whom a device belongs to and where, with its stored state at load time. A home terminal of a household with one
 * elder is that elder's, so its alarms are the elder's.
 */
record DeviceOwner(String deviceId, RuleInput.DeviceKind kind, Long elderId, Long householdId, Long villageId,
                   Long townshipId, int intervalS, Instant lastSeen, boolean online, Instant lastMotion) {
}
