package org.anxin.gateway.rules;

import java.time.Instant;

/**
 * A registered device as loaded on start and on each reload: whom it belongs to and where, and its stored state
 * (for the silence, inactivity and position of alarms after a restart). A home terminal of a household with one
 * elder is that elder's, so its alarms are the elder's.
 */
public record StoredDevice(String deviceId, RuleInput.DeviceKind kind, Long elderId, Long householdId,
                           Long villageId, Long townshipId, int intervalS, Instant lastSeen, boolean online,
                           Instant lastMotion, Double fixLat, Double fixLon, Instant fixAt) {
}
