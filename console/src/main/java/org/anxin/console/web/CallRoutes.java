package org.anxin.console.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiException;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.Bodies;
import org.anxin.console.api.Page;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.Args;
import org.anxin.console.sql.Rows;
import org.anxin.infra.db.Database;

import java.sql.PreparedStatement;
import java.util.EnumSet;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * The desk's call history and its wrap-up: {@code GET /api/calls} (newest first, with the caller's elder) and
 * {@code POST /api/calls/:id/wrap-up} (disposition and note, audited), for the operator page.
 */
public final class CallRoutes {

  private static final Set<Role> DESK = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR);

  private static final String LIST = """
      SELECT c.id, c.caller_number, c.elder_id, e.name AS elder_name, c.direction, c.queue, c.agent, c.started_at,
             c.answered_at, c.ended_at, c.hangup_cause, c.disposition, c.note, count(*) OVER () AS total
      FROM calls c LEFT JOIN elders e ON e.id = c.elder_id
      WHERE (?::text IS NULL OR c.agent = ?)
      ORDER BY c.started_at DESC, c.id DESC LIMIT ? OFFSET ?""";

  private static final String WRAP_UP = """
      UPDATE calls SET disposition = ?, note = ? WHERE id = ?
      RETURNING id, caller_number, elder_id, agent, started_at, answered_at, ended_at, disposition, note""";

  private final Database database;

  public CallRoutes(Database database) {
    this.database = database;
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/calls", DESK, Spec.of("Calls, newest first; ?mine=true: the caller's own (agent)")
        .query("mine", "limit", "offset"), this::handleList);
    api.route(POST, "/calls/:id/wrap-up", DESK, Spec.of("The call's disposition and note after it ends (audited)")
        .body("{\"disposition\"*, \"note\"}"), this::handleWrapUp);
  }

  private Future<JsonObject> handleList(RoutingContext rc) {
    Principal p = Access.principal(rc);
    String agent = "true".equals(Bodies.query(rc, "mine")) ? p.username() : null;
    Page page = Page.of(rc);
    return database.withConnection(c -> {
      try (PreparedStatement st = Args.prepare(c, LIST, agent, agent, page.limit(), page.offset())) {
        return Rows.all(st);
      }
    }).map(page::answer);
  }

  private Future<JsonObject> handleWrapUp(RoutingContext rc) {
    Principal p = Access.principal(rc);
    long id = Bodies.pathId(rc, "id");
    JsonObject body = Bodies.json(rc);
    String disposition = body.getString("disposition");
    if (disposition == null || disposition.isBlank()) {
      throw ApiException.badRequest("'disposition' is required");
    }
    return database.inTransaction(c -> {
      JsonObject row;
      try (PreparedStatement st = Args.prepare(c, WRAP_UP, disposition.trim(), body.getString("note"), id)) {
        row = Rows.one(st);
      }
      if (row == null) {
        throw ApiException.notFound("call " + id);
      }
      AuditLog.write(c, p, "call.wrap-up", "call", id, new JsonObject().put("disposition", disposition));
      return row;
    });
  }
}
