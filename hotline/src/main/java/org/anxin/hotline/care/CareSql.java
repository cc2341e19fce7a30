package org.anxin.hotline.care;

/** The SQL of proactive care calls: who is most at risk, and what the call found. */
final class CareSql {

  /**
   * Elders living alone with a number to call and no care call in the last 20 hours, scored: hours since any
   * movement seen by their or their household's devices (no data counts as 48), 10 per visit missed in 30 days
   * (cancelled, overdue or not confirmed by the devices), 20 per open alarm.
   */
  static final String RANKED = """
      WITH candidates AS (
        SELECT e.id, coalesce(e.phone, h.landline) AS number,
          (SELECT max(coalesce(s.last_motion_at, s.last_seen)) FROM device_state s JOIN devices d ON d.id = s.device_id
            WHERE d.elder_id = e.id OR d.household_id = e.household_id) AS last_activity,
          (SELECT count(*) FROM service_orders o WHERE o.elder_id = e.id AND o.type = 'VISIT'
              AND o.created_at > now() - interval '30 days'
              AND (o.state = 'CANCELLED' OR o.visit_verified = false
                   OR (o.deliver_due_at < now() AND o.done_at IS NULL))) AS missed_visits,
          (SELECT count(*) FROM alarms a WHERE a.elder_id = e.id
              AND a.state IN ('OPEN', 'ACKNOWLEDGED', 'ON_SITE')) AS open_alarms
        FROM elders e JOIN households h ON h.id = e.household_id
        WHERE 'LIVING_ALONE' = ANY (e.categories) AND e.care_mode = 'HOME'
          AND coalesce(e.phone, h.landline) IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM care_calls c WHERE c.elder_id = e.id
                            AND c.placed_at > now() - interval '20 hours'))
      SELECT id, number, last_activity, missed_visits, open_alarms,
             (coalesce(least(48, extract(epoch FROM now() - last_activity) / 3600), 48)
               + 10 * missed_visits + 20 * open_alarms)::int AS score
        FROM candidates ORDER BY score DESC, id LIMIT ?""";

  static final String PLACE = """
      INSERT INTO care_calls (elder_id, origination_key, risk_score, reasons) VALUES (?, ?, ?, ?::jsonb)""";

  static final String OUTCOME = """
      UPDATE care_calls SET outcome = ?, outcome_at = now() WHERE origination_key = ? AND outcome IS NULL""";

  private CareSql() {
  }
}
