package org.anxin.console.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.CallSql;
import org.anxin.infra.bus.calls.CallBus;
import org.anxin.infra.bus.calls.HotlineAction;
import org.anxin.infra.bus.calls.HotlineAnswer;
import org.anxin.infra.bus.calls.HotlineRequest;
import org.anxin.infra.db.Database;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * The desk's calls: the call history from the database, and what the hotline does for an operator, asked on
 * {@code hotline.request} (queue log-in and pauses, callbacks, wrap-up, care rounds).
 */
public final class CallRoutes {

  private static final Set<Role> DESK = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR);
  /** A callback rings the operator first; the hotline answers once it is placed. */
  private static final Duration HOTLINE_TIMEOUT = Duration.ofSeconds(30);

  private final Database database;
  private final CallBus calls;

  public CallRoutes(Database database, EventBus bus) {
    this.database = database;
    this.calls = new CallBus(bus);
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/calls", DESK, Spec.of("Call history, newest first").query("elderId", "agent", "since", "limit",
        "offset"), this::handleList);
    api.route(GET, "/calls/live", DESK, Spec.of("The calls in progress now, as their latest call events (for a "
        + "page that just connected; then the stream's call events)"), rc -> ask(rc, HotlineAction.LIVE_CALLS));
    api.route(GET, "/calls/:id", DESK, Spec.of("One call with its events and the orders made for it"), this::handleOne);
    api.route(POST, "/calls/:id/wrap-up", DESK, Spec.of("The call's disposition and note, kept by the hotline")
        .body("{\"disposition\"*, \"note\"}"), rc -> ask(rc, HotlineAction.WRAP_UP));
    api.route(POST, "/hotline/queue/login", DESK, Spec.of("Join the operator queue on an extension")
        .body("{\"extension\"}"), rc -> ask(rc, HotlineAction.QUEUE_LOGIN));
    api.route(POST, "/hotline/queue/pause", DESK, Spec.of("Stay logged in, take no calls").body("{\"note\"}"),
        rc -> ask(rc, HotlineAction.QUEUE_PAUSE));
    api.route(POST, "/hotline/queue/resume", DESK, Spec.of("Take calls again"),
        rc -> ask(rc, HotlineAction.QUEUE_RESUME));
    api.route(POST, "/hotline/queue/logout", DESK, Spec.of("Leave the operator queue"),
        rc -> ask(rc, HotlineAction.QUEUE_LOGOUT));
    api.route(POST, "/hotline/callback", DESK, Spec.of("Ring my extension, then connect the number or the elder")
        .body("{\"number\" | \"elderId\"}"), rc -> ask(rc, HotlineAction.CALLBACK));
    api.route(POST, "/hotline/care-round", DESK, Spec.of("Proactive care calls (主动关怀) to the elders living "
        + "alone most at risk").body("{\"limit\"}"), rc -> ask(rc, HotlineAction.CARE_ROUND));
  }

  private Future<JsonObject> handleList(RoutingContext rc) {
    Long elderId = Bodies.queryLong(rc, "elderId");
    String agent = Bodies.query(rc, "agent");
    java.time.Instant since = Bodies.queryInstant(rc, "since");
    Page page = Page.of(rc);
    return database.withConnection(c -> CallSql.list(c, elderId, agent, since, page)).map(page::answer);
  }

  private Future<JsonObject> handleOne(RoutingContext rc) {
    long id = Bodies.pathId(rc, "id");
    return database.withConnection(c -> CallSql.one(c, id))
        .compose(call -> call == null ? Future.failedFuture(ApiException.notFound("call " + id))
            : Future.succeededFuture(call));
  }

  private Future<JsonObject> ask(RoutingContext rc, HotlineAction action) {
    Principal p = Access.principal(rc);
    JsonObject body = Bodies.json(rc);
    Long callId = rc.pathParam("id") == null ? null : Bodies.pathId(rc, "id");
    HotlineRequest request = new HotlineRequest(action, p.id(), p.username(), body.getString("extension"), callId,
        body.getString("number"), body.getLong("elderId"), body.getString("disposition"), body.getString("note"),
        body.getInteger("limit"));
    return calls.request(request, HOTLINE_TIMEOUT).map(HotlineAnswer::toJson);
  }
}
