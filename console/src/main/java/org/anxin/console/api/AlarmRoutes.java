package org.anxin.console.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.AlarmSql;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.db.Database;

import java.util.EnumSet;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * Alarms: the list, one alarm with its events, and the state changes, which are asked of the dispatcher on
 * {@code alarm.command} (it alone changes an alarm's state).
 */
public final class AlarmRoutes {

  /** Who may act on an alarm: the desk, carers and supervisors. Families and admins read. */
  static final Set<Role> ACTORS = EnumSet.of(Role.OPERATOR, Role.CARER, Role.SUPERVISOR);
  private static final String[] OPEN_STATES = {"OPEN", "ACKNOWLEDGED", "ON_SITE"};

  private final Database database;
  private final DispatchBus dispatch;

  public AlarmRoutes(Database database, EventBus bus) {
    this.database = database;
    this.dispatch = new DispatchBus(bus);
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/alarms", Role.ALL, Spec.of("Alarms the caller may see, open ones first, then by priority")
        .query("state", "open", "type", "elderId", "maxPriority", "since", "limit", "offset"), this::handleList);
    api.route(GET, "/alarms/:id", Role.ALL, Spec.of("One alarm with its events (audited: it holds a position)"),
        this::handleOne);
    command(api, "acknowledge", AlarmAction.ACKNOWLEDGE, "Take the alarm; escalation stops");
    command(api, "on-site", AlarmAction.ON_SITE, "Someone is with the elder");
    command(api, "resolve", AlarmAction.RESOLVE, "Close the alarm as handled");
    command(api, "false-alarm", AlarmAction.FALSE_ALARM, "Close the alarm as a false alarm; a note is required");
  }

  private void command(ApiRouter api, String verb, AlarmAction action, String summary) {
    api.route(POST, "/alarms/:id/" + verb, ACTORS, Spec.of(summary + "; answers the alarm as the dispatcher has it")
        .body("{\"note\": \"…\"}"), rc -> handleCommand(rc, action));
  }

  private Future<JsonObject> handleList(RoutingContext rc) {
    Principal p = Access.principal(rc);
    String[] states = "true".equals(Bodies.query(rc, "open")) ? OPEN_STATES : Bodies.queryList(rc, "state");
    Long prio = Bodies.queryLong(rc, "maxPriority");
    AlarmSql.Filter filter = new AlarmSql.Filter(states, Bodies.queryList(rc, "type"),
        Bodies.queryLong(rc, "elderId"), prio == null ? null : prio.intValue(), Bodies.queryInstant(rc, "since"));
    Page page = Page.of(rc);
    return database.withConnection(c -> AlarmSql.list(c, p.scope(), filter, page)).map(page::answer);
  }

  private Future<JsonObject> handleOne(RoutingContext rc) {
    Principal p = Access.principal(rc);
    long id = Bodies.pathId(rc, "id");
    return database.inTransaction(c -> {
      JsonObject alarm = AlarmSql.one(c, p.scope(), id);
      if (alarm == null) {
        throw ApiException.notFound("alarm " + id);
      }
      AuditLog.write(c, p, "alarm.read", "alarm", id, new JsonObject().put("elderId", alarm.getLong("elderId")));
      return Redaction.events(alarm, p);
    });
  }

  private Future<JsonObject> handleCommand(RoutingContext rc, AlarmAction action) {
    Principal p = Access.principal(rc);
    long id = Bodies.pathId(rc, "id");
    String note = Bodies.json(rc).getString("note");
    AlarmCommand command = new AlarmCommand(id, action, p.username(), note);
    return database.withConnection(c -> AlarmSql.visible(c, p.scope(), id))
        .compose(visible -> visible ? dispatch.command(command) : Future.failedFuture(ApiException.notFound(
            "alarm " + id)))
        .map(view -> view.toJson());
  }
}
