package org.anxin.dispatcher.escalation;

/** Every statement of alarm escalation and alarm state changes, in one place; all parameterised. */
final class EscalationSql {

  static final String ALARM_COLUMNS = "a.id, a.elder_id, a.household_id, a.village_id, a.township_id, a.type, "
      + "a.priority, a.state, a.opened_at, a.acknowledged_at, a.acknowledged_by, a.on_site_at, a.closed_at, "
      + "a.closed_by, a.close_note, a.escalation_step, a.next_escalation_at, a.supervisor_flag";

  static final String ALARM = "SELECT " + ALARM_COLUMNS + " FROM alarms a WHERE a.id = ?";

  static final String ALARM_FOR_UPDATE = ALARM + " FOR UPDATE";

  /** Another dispatcher (or timer) working on the alarm holds it: skip, it takes the step. */
  static final String ALARM_FOR_STEP = ALARM + " FOR UPDATE SKIP LOCKED";

  /** The alarm with its count of occurrences, locked: repeats of one alarm are noticed one after the other. */
  static final String ALARM_WITH_OCCURRENCES_FOR_UPDATE = "SELECT " + ALARM_COLUMNS + ", a.occurrences "
      + "FROM alarms a WHERE a.id = ? FOR UPDATE";

  /** When the alarm's last repeat SMS was written; no row when none was. Parameters: alarm id, the repeat step. */
  static final String LAST_REPEAT_SMS = """
      SELECT created_at FROM notifications
      WHERE alarm_id = ? AND step = ? AND channel = 'SMS' ORDER BY created_at DESC LIMIT 1""";

  /**
   * Occurrences recorded after the alarm was taken on (after its first ACKNOWLEDGED or ON_SITE event: both writes
   * lock the alarm row, so the event ids give their order) with no {@code REPEAT_NOTIFIED} of their key: those whose
   * {@code alarm.stored} no dispatcher heard. Reads the few taken-on alarms through their partial index, then each
   * one's events. Parameters: recorded since, limit.
   */
  static final String UNNOTICED_REPEATS = """
      SELECT e.alarm_id, e.idempotency_key FROM alarms a
      JOIN alarm_events e ON e.alarm_id = a.id AND e.kind = 'OCCURRENCE' AND e.at > ?
      WHERE a.state IN ('ACKNOWLEDGED', 'ON_SITE') AND a.occurrences > 1
        AND e.id > (SELECT min(t.id) FROM alarm_events t
                    WHERE t.alarm_id = a.id AND t.kind IN ('ACKNOWLEDGED', 'ON_SITE'))
        AND NOT EXISTS (SELECT 1 FROM alarm_events r
                        WHERE r.idempotency_key = 'repeat|' || a.id || '|' || e.idempotency_key)
      ORDER BY e.id LIMIT ?""";

  /** Open alarms whose next step is due, and those stored but not escalated yet. */
  static final String DUE = """
      SELECT id FROM alarms
      WHERE state = 'OPEN' AND (next_escalation_at <= ? OR (escalation_step = 0 AND next_escalation_at IS NULL))
      ORDER BY next_escalation_at NULLS FIRST, id LIMIT ?""";

  /** Open alarms waiting for a later step, to arm an in-memory timer on start. */
  static final String WAITING = """
      SELECT id, next_escalation_at FROM alarms
      WHERE state = 'OPEN' AND next_escalation_at > ?""";

  /**
   * The policy for a type at a priority (else the priority's default) with its steps and targets, one row per
   * target. Parameters: priority, type.
   */
  static final String POLICY = """
      WITH chosen AS (
        SELECT id, repeat_interval_s FROM escalation_policies
        WHERE priority = ? AND (alarm_type = ? OR alarm_type IS NULL)
        ORDER BY alarm_type NULLS LAST LIMIT 1)
      SELECT c.id, c.repeat_interval_s, s.step_no, s.wait_s, t.recipient, t.channels, t.on_shift_only
      FROM chosen c JOIN escalation_steps s ON s.policy_id = c.id
      LEFT JOIN escalation_targets t ON t.policy_id = c.id AND t.step_no = s.step_no
      ORDER BY s.step_no, t.recipient""";

  static final String RECORD_STEP = """
      UPDATE alarms a SET escalation_step = ?, next_escalation_at = ?, supervisor_flag = a.supervisor_flag OR ?
      WHERE a.id = ?""" + " RETURNING " + ALARM_COLUMNS;

  static final String INSERT_EVENT = """
      INSERT INTO alarm_events (alarm_id, at, kind, actor, channel, details, idempotency_key)
      VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (idempotency_key) DO NOTHING""";

  static final String ACKNOWLEDGE = """
      UPDATE alarms SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, next_escalation_at = NULL
      WHERE id = ?""";

  static final String ON_SITE = """
      UPDATE alarms SET state = 'ON_SITE', on_site_at = ?, acknowledged_at = COALESCE(acknowledged_at, ?),
                        acknowledged_by = COALESCE(acknowledged_by, ?), next_escalation_at = NULL
      WHERE id = ?""";

  static final String CLOSE = """
      UPDATE alarms SET state = ?, closed_at = ?, closed_by = ?, close_note = ?,
                        acknowledged_at = COALESCE(acknowledged_at, ?), acknowledged_by = COALESCE(acknowledged_by, ?),
                        next_escalation_at = NULL
      WHERE id = ?""";

  /** Where the alarm is and whom it is about: its elders, their names, the household's address and area. */
  static final String SCOPE = """
      WITH subject AS (
        SELECT a.id, a.elder_id, COALESCE(a.household_id, e.household_id) AS household_id,
               a.village_id, a.township_id
        FROM alarms a LEFT JOIN elders e ON e.id = a.elder_id WHERE a.id = ?)
      SELECT s.household_id, h.address,
             COALESCE(s.village_id, h.village_id) AS village_id,
             COALESCE(s.township_id, v.township_id) AS township_id,
             ARRAY(SELECT el.id FROM elders el
                   WHERE el.id = s.elder_id OR (s.elder_id IS NULL AND el.household_id = s.household_id)
                   ORDER BY el.id) AS elder_ids,
             (SELECT string_agg(el.name, ', ' ORDER BY el.id) FROM elders el
              WHERE el.id = s.elder_id OR (s.elder_id IS NULL AND el.household_id = s.household_id)) AS names
      FROM subject s
      LEFT JOIN households h ON h.id = s.household_id
      LEFT JOIN villages v ON v.id = COALESCE(s.village_id, h.village_id)""";

  private EscalationSql() {
  }
}
