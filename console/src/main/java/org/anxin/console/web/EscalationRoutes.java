package org.anxin.console.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiException;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Reply;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.Bodies;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.Args;
import org.anxin.console.sql.Rows;
import org.anxin.infra.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

/**
 * The admin's escalation policies, each with its steps and their targets, read and written whole: the dispatcher
 * reads a policy when it escalates, so a change holds from the next step on. The schema's checks (recipients,
 * channels, one policy per priority and type) answer 400.
 */
public final class EscalationRoutes {

  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
  private static final String PATH = "/admin/escalation-policies";
  private static final String BODY = "{\"priority\"*, \"alarmType\", \"repeatIntervalS\"*, \"description\", \"steps\": "
      + "[{\"waitS\", \"targets\": [{\"recipient\", \"channels\": [\"STREAM|SMS|VOICE\"], \"onShiftOnly\"}]}]}";

  private static final String LIST = """
      SELECT p.id, p.priority, p.alarm_type, p.repeat_interval_s, p.description,
             coalesce((SELECT jsonb_agg(jsonb_build_object('stepNo', s.step_no, 'waitS', s.wait_s, 'targets',
                 coalesce((SELECT jsonb_agg(jsonb_build_object('recipient', t.recipient, 'channels', t.channels,
                     'onShiftOnly', t.on_shift_only) ORDER BY t.recipient)
                   FROM escalation_targets t WHERE t.policy_id = s.policy_id AND t.step_no = s.step_no), '[]'))
                 ORDER BY s.step_no)
               FROM escalation_steps s WHERE s.policy_id = p.id), '[]') AS steps
      FROM escalation_policies p ORDER BY p.priority, p.alarm_type NULLS FIRST""";
  private static final String INSERT = """
      INSERT INTO escalation_policies (priority, alarm_type, repeat_interval_s, description) VALUES (?, ?, ?, ?)
      RETURNING id""";
  private static final String UPDATE = """
      UPDATE escalation_policies SET priority = ?, alarm_type = ?, repeat_interval_s = ?, description = ?
      WHERE id = ? RETURNING id""";
  private static final String CLEAR = "DELETE FROM escalation_steps WHERE policy_id = ?";
  private static final String STEP = "INSERT INTO escalation_steps (policy_id, step_no, wait_s) VALUES (?, ?, ?)";
  private static final String TARGET = """
      INSERT INTO escalation_targets (policy_id, step_no, recipient, channels, on_shift_only) VALUES (?, ?, ?, ?, ?)""";

  private final Database database;

  public EscalationRoutes(Database database) {
    this.database = database;
  }

  public void mount(ApiRouter api) {
    api.route(GET, PATH, ADMIN, Spec.of("Escalation policies with their steps and targets"), this::handleList);
    api.route(POST, PATH, ADMIN, Spec.of("Create a policy with its steps (201)").body(BODY), this::handleCreate);
    api.route(PUT, PATH + "/:id", ADMIN, Spec.of("Replace a policy and its steps").body(BODY), this::handleReplace);
  }

  private Future<JsonObject> handleList(RoutingContext rc) {
    return database.withConnection(c -> {
      try (PreparedStatement st = c.prepareStatement(LIST)) {
        return new JsonObject().put("items", Rows.array(Rows.all(st)));
      }
    });
  }

  private Future<Reply> handleCreate(RoutingContext rc) {
    JsonObject body = Bodies.json(rc);
    Principal p = Access.principal(rc);
    return write(c -> id(c, INSERT, policyArgs(body)), body, p, "escalation.create").map(id -> new Reply(201,
        new JsonObject().put("id", id)));
  }

  private Future<JsonObject> handleReplace(RoutingContext rc) {
    long id = Bodies.pathId(rc, "id");
    JsonObject body = Bodies.json(rc);
    Principal p = Access.principal(rc);
    Object[] args = append(policyArgs(body), id);
    return write(c -> {
      Long updated = id(c, UPDATE, args);
      if (updated == null) {
        throw ApiException.notFound("escalation policy " + id);
      }
      return updated;
    }, body, p, "escalation.replace").map(saved -> new JsonObject().put("id", saved));
  }

  @FunctionalInterface
  private interface PolicyRow {
    Long write(Connection c) throws SQLException;
  }

  /** Writes the policy row and its steps in one transaction, audited; a broken rule of the schema is a 400. */
  private Future<Long> write(PolicyRow row, JsonObject body, Principal p, String action) {
    return database.inTransaction(c -> {
      long id = row.write(c);
      steps(c, id, body.getJsonArray("steps", new JsonArray()));
      AuditLog.write(c, p, action, "escalation_policy", id, body);
      return id;
    }).recover(e -> Future.failedFuture(e instanceof SQLException s && s.getSQLState() != null
        && s.getSQLState().startsWith("23") ? ApiException.badRequest("the policy breaks a rule: " + s.getMessage())
        : e));
  }

  private static void steps(Connection c, long policy, JsonArray steps) throws SQLException {
    try (PreparedStatement clear = Args.prepare(c, CLEAR, policy)) {
      clear.executeUpdate();
    }
    for (int i = 0; i < steps.size(); i++) {
      JsonObject step = steps.getJsonObject(i);
      try (PreparedStatement st = Args.prepare(c, STEP, policy, i + 1, step.getInteger("waitS"))) {
        st.executeUpdate();
      }
      for (Object t : step.getJsonArray("targets", new JsonArray())) {
        JsonObject target = (JsonObject) t;
        String[] channels = target.getJsonArray("channels", new JsonArray()).stream().map(String::valueOf)
            .toArray(String[]::new);
        try (PreparedStatement st = Args.prepare(c, TARGET, policy, i + 1, target.getString("recipient"), channels,
            target.getBoolean("onShiftOnly", false))) {
          st.executeUpdate();
        }
      }
    }
  }

  private static Object[] policyArgs(JsonObject body) {
    Integer priority = body.getInteger("priority");
    Integer repeat = body.getInteger("repeatIntervalS");
    if (priority == null || repeat == null) {
      throw ApiException.badRequest("'priority' and 'repeatIntervalS' are required");
    }
    String type = body.getString("alarmType");
    return new Object[] {priority, type == null || type.isBlank() ? null : type, repeat, body.getString("description")};
  }

  private static Object[] append(Object[] args, Object last) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }

  private static Long id(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = Args.prepare(c, sql, args)) {
      JsonObject row = Rows.one(st);
      return row == null ? null : row.getLong("id");
    }
  }
}
