package org.anxin.console.sql;

import io.vertx.core.json.JsonObject;
import org.anxin.console.api.Page;
import org.anxin.console.auth.Scope;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Service orders and return visits as the console reads them; every query filters by the caller's {@link Scope}. */
public final class OrderSql {

  /** Filters of the order list; null fields filter nothing. */
  public record Filter(String[] states, String[] types, Long elderId, Long providerId, Instant slotFrom,
                       Instant slotTo) {
  }

  private static final String IN_SCOPE = "(?::bigint[] IS NULL OR o.elder_id = ANY(?))";

  private static final String COLUMNS = """
      o.id, o.elder_id, e.name AS elder_name, o.type, o.state, o.source, o.slot_start, o.slot_end, o.provider_id,
      p.name AS provider_name, o.call_id, o.alarm_id, o.created_by, o.created_at, o.assigned_at, o.accepted_at,
      o.started_at, o.done_at, o.reviewed_at, o.cancelled_at, o.rating, o.review_comment, o.notes, o.sla_flag,
      o.visit_verified""";

  private static final String FROM = """
      FROM service_orders o JOIN elders e ON e.id = o.elder_id LEFT JOIN providers p ON p.id = o.provider_id""";

  private static final String LIST = "SELECT " + COLUMNS + ", count(*) OVER () AS total " + FROM + " WHERE "
      + IN_SCOPE + """
        AND (?::text[] IS NULL OR o.state = ANY(?))
        AND (?::text[] IS NULL OR o.type = ANY(?))
        AND (?::bigint IS NULL OR o.elder_id = ?)
        AND (?::bigint IS NULL OR o.provider_id = ?)
        AND (?::timestamptz IS NULL OR o.slot_start >= ?)
        AND (?::timestamptz IS NULL OR o.slot_start < ?)
      ORDER BY o.created_at DESC, o.id DESC
      LIMIT ? OFFSET ?""";

  private static final String ONE = "SELECT " + COLUMNS + " " + FROM + " WHERE o.id = ? AND " + IN_SCOPE;

  private static final String EVENTS = "SELECT id, at, kind, actor, details FROM order_events WHERE order_id = ? "
      + "ORDER BY at, id";

  private static final String VISIBLE = "SELECT o.provider_id FROM service_orders o WHERE o.id = ? AND " + IN_SCOPE;

  private static final String RETURN_VISITS = """
      SELECT r.id, r.order_id, r.created_at, r.due_at, o.elder_id, e.name AS elder_name, e.phone, o.type,
             o.provider_id, o.done_at, count(*) OVER () AS total
      FROM return_visits r JOIN service_orders o ON o.id = r.order_id JOIN elders e ON e.id = o.elder_id
      WHERE r.done_at IS NULL
      ORDER BY r.due_at
      LIMIT ? OFFSET ?""";

  private OrderSql() {
  }

  public static List<JsonObject> list(Connection c, Scope scope, Filter f, Page page) throws SQLException {
    return Rows.query(c, LIST, scope.elderFilter(), scope.elderFilter(), f.states(), f.states(), f.types(),
        f.types(), f.elderId(), f.elderId(), f.providerId(), f.providerId(), f.slotFrom(), f.slotFrom(), f.slotTo(),
        f.slotTo(), page.limit(), page.offset());
  }

  /** The order with its events, or null when it does not exist or is out of scope. */
  public static JsonObject one(Connection c, Scope scope, long id) throws SQLException {
    JsonObject order = Rows.first(c, ONE, id, scope.elderFilter(), scope.elderFilter());
    return Rows.with(c, order, "events", EVENTS, id);
  }

  /** The order's provider as a one-key row ({@code providerId}, maybe null), or null when it is not visible. */
  public static JsonObject visible(Connection c, Scope scope, long id) throws SQLException {
    return Rows.first(c, VISIBLE, id, scope.elderFilter(), scope.elderFilter());
  }

  /** Return visits not yet made, the most overdue first (operators' work list, every elder). */
  public static List<JsonObject> openReturnVisits(Connection c, Page page) throws SQLException {
    return Rows.query(c, RETURN_VISITS, page.limit(), page.offset());
  }
}
