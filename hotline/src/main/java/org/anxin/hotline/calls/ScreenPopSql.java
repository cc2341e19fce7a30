package org.anxin.hotline.calls;

/** The SQL of a screen pop: who answers on an interface, and the caller's record. */
final class ScreenPopSql {

  static final String OPERATOR = """
      SELECT u.id, u.username FROM hotline_agents a JOIN users u ON u.id = a.user_id
       WHERE a.interface = ? AND NOT u.disabled""";

  static final String CALL = """
      SELECT intent, ivr_choices, queue_priority FROM calls WHERE id = ?""";

  static final String ELDER = """
      SELECT e.id, e.name, e.gender, e.birth_date, e.phone, e.categories, e.care_mode, e.notes,
             e.party_member_since, e.party_branch, e.party_record,
             h.id AS household_id, h.address, h.landline, h.home_lat, h.home_lon
        FROM elders e JOIN households h ON h.id = e.household_id WHERE e.id = ?""";

  static final String OPEN_ALARMS = """
      SELECT id, type, priority, state, opened_at FROM alarms
       WHERE elder_id = ? AND state IN ('OPEN', 'ACKNOWLEDGED', 'ON_SITE') ORDER BY priority, opened_at DESC
       LIMIT 10""";

  static final String LAST_LOCATION = """
      SELECT s.last_fix_lat, s.last_fix_lon, s.last_fix_acc, s.last_fix_at, s.device_id
        FROM device_state s JOIN devices d ON d.id = s.device_id
       WHERE d.elder_id = ? AND s.last_fix_at IS NOT NULL ORDER BY s.last_fix_at DESC LIMIT 1""";

  static final String RECENT_ORDERS = """
      SELECT id, type, state, created_at FROM service_orders WHERE elder_id = ? ORDER BY created_at DESC LIMIT 5""";

  /**
   * The order the IVR placed for this call: {@code CREATED} with the order when it exists; else {@code PENDING}
   * when the IVR stopped waiting for the dispatcher (the order may still come: the operator must not enter it
   * again), or {@code FAILED} when the dispatcher refused it. No row when the IVR ordered nothing.
   */
  static final String IVR_ORDER = """
      WITH params AS (SELECT CAST(? AS bigint) AS call_id),
      ordered AS (
        SELECT o.id, o.type, o.state, o.created_at, o.request_key FROM service_orders o, params p
         WHERE o.call_id = p.call_id AND o.source = 'IVR' ORDER BY o.id LIMIT 1),
      asked AS (
        SELECT e.kind, e.details FROM call_events e, params p
         WHERE e.call_id = p.call_id AND e.kind IN ('ORDER_PENDING', 'ORDER_FAILED') ORDER BY e.id DESC LIMIT 1)
      SELECT CASE WHEN o.id IS NOT NULL THEN 'CREATED' WHEN a.kind = 'ORDER_PENDING' THEN 'PENDING'
                  ELSE 'FAILED' END AS status,
             o.id AS order_id, COALESCE(o.type, a.details->>'type') AS type, o.state, o.created_at,
             COALESCE(o.request_key, a.details->>'requestKey') AS request_key
        FROM ordered o FULL JOIN asked a ON true""";

  private ScreenPopSql() {
  }
}
