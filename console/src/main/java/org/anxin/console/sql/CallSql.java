package org.anxin.console.sql;

import io.vertx.core.json.JsonObject;
import org.anxin.console.api.Page;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** 12349 calls for the desk's call history (operators and supervisors see every call). */
public final class CallSql {

  private static final String LIST = """
      SELECT c.id, c.caller_number, c.elder_id, e.name AS elder_name, c.direction, c.queue, c.agent, c.started_at,
             c.answered_at, c.ended_at, c.hangup_cause, c.ivr_choices, c.intent, c.disposition, c.note,
             count(*) OVER () AS total
      FROM calls c LEFT JOIN elders e ON e.id = c.elder_id
      WHERE (?::bigint IS NULL OR c.elder_id = ?) AND (?::text IS NULL OR c.agent = ?)
        AND (?::timestamptz IS NULL OR c.started_at >= ?)
      ORDER BY c.started_at DESC, c.id DESC
      LIMIT ? OFFSET ?""";

  private static final String ONE = """
      SELECT c.id, c.channel_uniqueid, c.caller_number, c.elder_id, e.name AS elder_name, c.direction, c.queue,
             c.agent, c.started_at, c.queued_at, c.answered_at, c.ended_at, c.hangup_cause, c.ivr_choices, c.intent,
             c.talk_s, c.disposition, c.note
      FROM calls c LEFT JOIN elders e ON e.id = c.elder_id WHERE c.id = ?""";

  private static final String EVENTS = "SELECT id, at, kind, details FROM call_events WHERE call_id = ? "
      + "ORDER BY at, id";

  /** The orders made for the call: by the IVR (with its request key), or entered by the operator against it. */
  private static final String ORDERS = "SELECT id, type, state, source, created_by, created_at, request_key "
      + "FROM service_orders WHERE call_id = ? ORDER BY id";

  private CallSql() {
  }

  public static List<JsonObject> list(Connection c, Long elderId, String agent, Instant since, Page page)
      throws SQLException {
    return Rows.query(c, LIST, elderId, elderId, agent, agent, since, since, page.limit(), page.offset());
  }

  public static JsonObject one(Connection c, long id) throws SQLException {
    return Rows.with(c, Rows.with(c, Rows.first(c, ONE, id), "events", EVENTS, id), "orders", ORDERS, id);
  }
}
