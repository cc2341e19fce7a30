package org.anxin.console.api.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiException;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.Bodies;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.EscalationSql;
import org.anxin.console.sql.Rows;
import org.anxin.infra.db.Database;

import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PUT;

/**
 * The steps of an escalation policy, with whom each notifies and how; the policies themselves are an admin table
 * ({@code /api/admin/escalation-policies}).
 */
public final class EscalationRoutes {

  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

  private final Database database;

  public EscalationRoutes(Database database) {
    this.database = database;
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/admin/escalation-policies/:id/steps", ADMIN, Spec.of("A policy's steps with their targets"),
        this::handleSteps);
    api.route(PUT, "/admin/escalation-policies/:id/steps", ADMIN, Spec.of("Replace a policy's steps; the next step "
        + "of every open alarm follows them").body("{\"steps\": [{\"waitS\"*, \"targets\": [{\"recipient\": "
        + "PRIMARY_CARERS|BACKUP_CARERS|VOLUNTEERS|FAMILY|OPERATORS|SUPERVISOR|ELDER, \"channels\": "
        + "[STREAM|SMS|VOICE], \"onShiftOnly\"}]}]}"), this::handleReplace);
  }

  private Future<JsonObject> handleSteps(RoutingContext rc) {
    long id = Bodies.pathId(rc, "id");
    return database.withConnection(c -> new JsonObject().put("policyId", id)
        .put("steps", Rows.array(EscalationSql.steps(c, id))));
  }

  private Future<JsonObject> handleReplace(RoutingContext rc) {
    long id = Bodies.pathId(rc, "id");
    JsonArray steps = Bodies.json(rc).getJsonArray("steps");
    if (steps == null || steps.isEmpty()) {
      throw ApiException.badRequest("'steps' must list at least one step");
    }
    Principal p = Access.principal(rc);
    return database.inTransaction(c -> {
      if (!EscalationSql.replaceSteps(c, id, steps)) {
        throw ApiException.notFound("escalation policy " + id);
      }
      AuditLog.write(c, p, "admin.escalation-steps", "escalation_policies", id, new JsonObject().put("steps", steps));
      return new JsonObject().put("policyId", id).put("steps", Rows.array(EscalationSql.steps(c, id)));
    });
  }
}
