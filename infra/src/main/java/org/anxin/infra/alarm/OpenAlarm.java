package org.anxin.infra.alarm;

import java.time.Instant;

/** An alarm not yet resolved, as reloaded from the database after a restart. */
public record OpenAlarm(long id, AlarmSubject subject, AlarmType type, int priority, Instant openedAt) {
}
