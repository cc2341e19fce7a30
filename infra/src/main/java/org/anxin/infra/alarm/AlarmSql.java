package org.anxin.infra.alarm;

/** Every statement of the alarm raising code, in one place; all parameterised. */
final class AlarmSql {

  static final String OPEN_STATES = "state IN ('OPEN', 'ACKNOWLEDGED', 'ON_SITE')";

  static final String APPLIED = "SELECT alarm_id FROM alarm_events WHERE idempotency_key = ?";

  static final String INSERT_ALARM = """
      INSERT INTO alarms (elder_id, household_id, device_id, village_id, township_id, type, priority, state,
                          opened_at, occurrences, last_occurrence_at, source_device_id, source_boot, source_seq,
                          source_ts, lat, lon, details)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 1, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      RETURNING id""";

  static final String ADD_OCCURRENCE = """
      UPDATE alarms SET occurrences = occurrences + 1,
                        last_occurrence_at = GREATEST(COALESCE(last_occurrence_at, opened_at), ?),
                        lat = COALESCE(?, lat), lon = COALESCE(?, lon)
      WHERE id = ?""";

  static final String INSERT_EVENT = """
      INSERT INTO alarm_events (alarm_id, at, kind, actor, channel, details, idempotency_key)
      VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""";

  static final String CLOSE = """
      UPDATE alarms SET state = 'RESOLVED', closed_at = ?, closed_by = 'system', close_note = ?
      WHERE id = ?""";

  static final String OPEN_ALARMS = "SELECT id, elder_id, household_id, device_id, village_id, township_id, type, "
      + "priority, opened_at FROM alarms WHERE " + OPEN_STATES + " ORDER BY id";

  private AlarmSql() {
  }

  /** The open alarm of one subject and type, locked for the rest of the transaction. */
  static String findOpen(AlarmSubject s) {
    return "SELECT id FROM alarms WHERE type = ? AND " + OPEN_STATES + " AND " + subjectCondition(s)
        + " ORDER BY id LIMIT 1 FOR UPDATE";
  }

  /** Matches the subject exactly as {@link AlarmSubject#key()} names it; one parameter, the subject's id. */
  private static String subjectCondition(AlarmSubject s) {
    if (s.elderId() != null) {
      return "elder_id = ?";
    }
    if (s.householdId() != null) {
      return "elder_id IS NULL AND household_id = ?";
    }
    if (s.deviceId() != null) {
      return "elder_id IS NULL AND household_id IS NULL AND device_id = ?";
    }
    String noDevice = "elder_id IS NULL AND household_id IS NULL AND device_id IS NULL AND ";
    return s.villageId() != null ? noDevice + "village_id = ?" : noDevice + "village_id IS NULL AND township_id = ?";
  }
}
