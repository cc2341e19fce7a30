package org.anxin.dispatcher.orders;

/** Every statement of service orders, assignment, SLA timers and schedules; all parameterised. */
final class OrderSql {

  static final String COLUMNS = "o.id, o.elder_id, o.type, o.state, o.source, o.slot_start, o.slot_end, "
      + "o.provider_id, o.call_id, o.alarm_id, o.created_by, o.created_at, o.assigned_at, o.accepted_at, "
      + "o.started_at, o.done_at, o.reviewed_at, o.cancelled_at, o.rating, o.review_comment, o.notes, o.sla_flag, "
      + "o.visit_verified";

  static final String ORDER = "SELECT " + COLUMNS + " FROM service_orders o WHERE o.id = ?";

  static final String ORDER_FOR_UPDATE = ORDER + " FOR UPDATE";

  static final String PROVIDER_PHONE = "SELECT phone FROM providers WHERE id = ?";

  static final String ELDER_EXISTS = "SELECT 1 FROM elders WHERE id = ?";

  /**
   * Nothing when a schedule's slot already has its order or the request key is taken: a concurrent insert of either
   * waits for the other's commit and then does nothing.
   */
  static final String INSERT = """
      INSERT INTO service_orders (elder_id, type, state, source, slot_start, slot_end, call_id, alarm_id, created_by,
                                  created_at, notes, deliver_due_at, schedule_id, request_key)
      VALUES (?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      RETURNING id""";

  static final String ORDER_BY_REQUEST_KEY = "SELECT " + COLUMNS + " FROM service_orders o WHERE o.request_key = ?";

  static final String INSERT_EVENT = """
      INSERT INTO order_events (order_id, at, kind, actor, details) VALUES (?, ?, ?, ?, ?::jsonb)""";

  /**
   * Locks every provider that could take the order (its type, the elder's township), in id order so that two
   * assignments wait for each other instead of deadlocking. Capacity belongs to the provider, whatever the order's
   * type or township, so the provider row is what every assignment locks. {@code NO KEY UPDATE} conflicts with
   * itself but not with the key-share locks of foreign keys (a slot or area added by an admin does not wait).
   * Parameters: type, elder id.
   */
  static final String LOCK_CANDIDATES = """
      SELECT p.id FROM providers p JOIN provider_areas pa ON pa.provider_id = p.id
      WHERE CAST(? AS text) = ANY(p.service_types)
        AND pa.township_id = (SELECT v.township_id FROM elders e JOIN households h ON h.id = e.household_id
                              JOIN villages v ON v.id = h.village_id WHERE e.id = ?)
      ORDER BY p.id FOR NO KEY UPDATE OF p""";

  /**
   * The provider with the most room left for the order: of its service type, serving the elder's township, with
   * capacity left in the slot (its provider_slots window holding the local time, else daily_capacity over the
   * local day), never one that refused or let it time out. Parameters: order id, type, elder id, service time,
   * time zone.
   */
  static final String CHOOSE_PROVIDER = """
      WITH params AS (
        SELECT CAST(? AS bigint) AS order_id, CAST(? AS text) AS stype, CAST(? AS bigint) AS elder_id,
               CAST(? AS timestamptz) AS at, CAST(? AS text) AS tz),
      local AS (SELECT p.*, (p.at AT TIME ZONE p.tz) AS local_at FROM params p),
      area AS (
        SELECT v.township_id FROM local l JOIN elders e ON e.id = l.elder_id
        JOIN households h ON h.id = e.household_id JOIN villages v ON v.id = h.village_id),
      load AS (
        SELECT o.provider_id, (COALESCE(o.slot_start, o.created_at) AT TIME ZONE l.tz) AS local_at
        FROM service_orders o, local l
        WHERE o.provider_id IS NOT NULL AND o.id <> l.order_id AND o.state NOT IN ('NEW', 'CANCELLED')
          AND (COALESCE(o.slot_start, o.created_at) AT TIME ZONE l.tz)::date = l.local_at::date),
      candidates AS (
        SELECT p.id,
               CASE WHEN EXISTS (SELECT 1 FROM provider_slots s WHERE s.provider_id = p.id) THEN
                 (SELECT s.capacity - (SELECT count(*) FROM load d WHERE d.provider_id = p.id
                                         AND d.local_at::time >= s.starts AND d.local_at::time < s.ends)
                  FROM provider_slots s
                  WHERE s.provider_id = p.id AND s.starts <= l.local_at::time AND s.ends > l.local_at::time
                  ORDER BY s.starts LIMIT 1)
               ELSE p.daily_capacity - (SELECT count(*) FROM load d WHERE d.provider_id = p.id) END AS remaining
        FROM providers p JOIN provider_areas pa ON pa.provider_id = p.id, local l
        WHERE l.stype = ANY(p.service_types) AND pa.township_id = (SELECT township_id FROM area)
          AND p.id NOT IN (SELECT (e.details->>'providerId')::bigint FROM order_events e
                           WHERE e.order_id = l.order_id AND e.kind IN ('REFUSED', 'ACCEPT_TIMEOUT')))
      SELECT id, remaining FROM candidates WHERE remaining > 0 ORDER BY remaining DESC, id LIMIT 1""";

  static final String ASSIGN = """
      UPDATE service_orders SET state = 'ASSIGNED', provider_id = ?, assigned_at = ?, accept_due_at = ?
      WHERE id = ?""";

  static final String UNASSIGN = """
      UPDATE service_orders SET state = 'NEW', provider_id = NULL, assigned_at = NULL, accepted_at = NULL,
                                accept_due_at = NULL
      WHERE id = ?""";

  static final String ACCEPT = "UPDATE service_orders SET state = 'ACCEPTED', accepted_at = ?, accept_due_at = NULL "
      + "WHERE id = ?";

  static final String START = "UPDATE service_orders SET state = 'IN_PROGRESS', started_at = ? WHERE id = ?";

  static final String DONE = "UPDATE service_orders SET state = 'DONE', done_at = ?, deliver_due_at = NULL "
      + "WHERE id = ?";

  static final String REVIEW = """
      UPDATE service_orders SET state = 'REVIEWED', reviewed_at = ?, rating = ?, review_comment = ?
      WHERE id = ?""";

  static final String CANCEL = """
      UPDATE service_orders SET state = 'CANCELLED', cancelled_at = ?, accept_due_at = NULL, deliver_due_at = NULL
      WHERE id = ?""";

  static final String FLAG_LATE_ACCEPT = "UPDATE service_orders SET sla_flag = true WHERE id = ?";

  static final String FLAG_LATE_DELIVERY = "UPDATE service_orders SET sla_flag = true, deliver_due_at = NULL "
      + "WHERE id = ?";

  static final String ACCEPT_OVERDUE = """
      SELECT id FROM service_orders WHERE state = 'ASSIGNED' AND accept_due_at <= ? ORDER BY accept_due_at LIMIT ?""";

  static final String DELIVERY_OVERDUE = """
      SELECT id FROM service_orders
      WHERE deliver_due_at <= ? AND state IN ('NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS')
      ORDER BY deliver_due_at LIMIT ?""";

  static final String UNASSIGNED = "SELECT id FROM service_orders WHERE state = 'NEW' ORDER BY created_at LIMIT ?";

  /**
   * The slots schedules owe on one local day, still ahead, that have no order yet: a schedule for one elder, or for
   * every elder of its category. Parameters: day, time zone, now.
   */
  static final String SCHEDULE_DUE = """
      WITH params AS (SELECT CAST(? AS date) AS day, CAST(? AS text) AS tz, CAST(? AS timestamptz) AS now),
      slots AS (
        SELECT s.id AS schedule_id, e.id AS elder_id, s.type, ((p.day + s.slot_start) AT TIME ZONE p.tz) AS slot_start,
               s.slot_minutes, p.now
        FROM order_schedules s CROSS JOIN params p
        JOIN elders e ON e.id = s.elder_id OR (s.elder_id IS NULL AND s.category = ANY(e.categories))
        WHERE s.active AND s.starts_on <= p.day AND (p.day - s.starts_on) % s.every_days = 0)
      SELECT schedule_id, elder_id, type, slot_start, slot_minutes FROM slots sl
      WHERE sl.slot_start > sl.now
        AND NOT EXISTS (SELECT 1 FROM service_orders o WHERE o.schedule_id = sl.schedule_id
                          AND o.elder_id = sl.elder_id AND o.slot_start = sl.slot_start)
      ORDER BY schedule_id, elder_id""";

  private OrderSql() {
  }
}
