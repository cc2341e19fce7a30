package org.anxin.console.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiRouter.Reply;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.ElderSql;
import org.anxin.console.sql.OrderSql;
import org.anxin.infra.bus.Json;
import org.anxin.infra.bus.orders.OrderAction;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.bus.orders.OrderCommand;
import org.anxin.infra.bus.orders.OrderCreate;
import org.anxin.infra.bus.orders.OrderSource;
import org.anxin.infra.bus.orders.ServiceType;
import org.anxin.infra.db.Database;

import java.util.EnumSet;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * Service orders: list, one with its events, creation on {@code order.create} and every move along on
 * {@code order.command}, both answered by the dispatcher. Operators answer for providers on the phone (accept,
 * refuse); carers start and finish their visits; families request services and cancel their elder's orders.
 */
public final class OrderRoutes {

  private static final Set<Role> CREATORS = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR, Role.FAMILY);
  private static final Set<Role> DESK = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR);
  private static final Set<Role> DELIVERY = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR, Role.CARER);
  private static final Set<Role> CANCELLERS = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR, Role.FAMILY);

  private final Database database;
  private final OrderBus orders;

  public OrderRoutes(Database database, EventBus bus) {
    this.database = database;
    this.orders = new OrderBus(bus);
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/orders", Role.ALL, Spec.of("Service orders the caller may see, newest first")
        .query("state", "type", "elderId", "providerId", "slotFrom", "slotTo", "limit", "offset"), this::handleList);
    api.route(GET, "/orders/:id", Role.ALL, Spec.of("One order with its events"), this::handleOne);
    api.route(POST, "/orders", CREATORS, Spec.of("Request a service for an elder (201 with the order)")
        .body("{\"elderId\", \"type\": \"MEAL|CLEANING|MEDICAL|ERRAND|VISIT\", \"slotStart\", \"slotEnd\", "
            + "\"notes\", \"callId\", \"alarmId\"}"), this::handleCreate);
    command(api, "accept", OrderAction.ACCEPT, DESK, "The provider takes the order (told by phone)",
        "{\"providerId\"}");
    command(api, "refuse", OrderAction.REFUSE, DESK, "The provider declines; the dispatcher reassigns",
        "{\"providerId\"}");
    command(api, "start", OrderAction.START, DELIVERY, "Service begins at the elder's (check-in)", null);
    command(api, "done", OrderAction.DONE, DELIVERY, "Service delivered (check-out); opens the return visit", null);
    command(api, "cancel", OrderAction.CANCEL, CANCELLERS, "Withdraw the order before it is done",
        "{\"comment\"}");
    command(api, "review", OrderAction.REVIEW, DESK, "The return visit's rating 1..5 and comment",
        "{\"rating\", \"comment\"}");
    api.route(GET, "/return-visits", DESK, Spec.of("Return visits (回访) not yet made, most overdue first")
        .query("limit", "offset"), this::handleReturnVisits);
  }

  private void command(ApiRouter api, String verb, OrderAction action, Set<Role> roles, String summary,
                       String body) {
    Spec spec = Spec.of(summary + "; answers the order as the dispatcher has it");
    api.route(POST, "/orders/:id/" + verb, roles, body == null ? spec : spec.body(body),
        rc -> handleCommand(rc, action));
  }

  private Future<JsonObject> handleList(RoutingContext rc) {
    Principal p = Access.principal(rc);
    OrderSql.Filter filter = new OrderSql.Filter(Bodies.queryList(rc, "state"), Bodies.queryList(rc, "type"),
        Bodies.queryLong(rc, "elderId"), Bodies.queryLong(rc, "providerId"), Bodies.queryInstant(rc, "slotFrom"),
        Bodies.queryInstant(rc, "slotTo"));
    Page page = Page.of(rc);
    return database.withConnection(c -> OrderSql.list(c, p.scope(), filter, page)).map(page::answer);
  }

  private Future<JsonObject> handleOne(RoutingContext rc) {
    Principal p = Access.principal(rc);
    long id = Bodies.pathId(rc, "id");
    return database.withConnection(c -> OrderSql.one(c, p.scope(), id))
        .compose(o -> o == null ? Future.failedFuture(ApiException.notFound("order " + id))
            : Future.succeededFuture(Redaction.events(o, p)));
  }

  private Future<Reply> handleCreate(RoutingContext rc) {
    Principal p = Access.principal(rc);
    JsonObject body = Bodies.json(rc);
    long elderId = Json.requiredLong(body, "elderId");
    OrderSource source = p.is(Role.FAMILY) ? OrderSource.FAMILY : OrderSource.OPERATOR;
    OrderCreate create = new OrderCreate(elderId, Json.enumValue(ServiceType.class, body, "type"), source,
        Times.instant("slotStart", body.getValue("slotStart")), Times.instant("slotEnd", body.getValue("slotEnd")),
        body.getLong("callId"), body.getLong("alarmId"), p.username(), body.getString("notes"));
    return database.withConnection(c -> ElderSql.exists(c, p.scope(), elderId))
        .compose(seen -> seen ? orders.create(create) : Future.failedFuture(ApiException.notFound("elder " + elderId)))
        .map(view -> new Reply(201, view.toJson()));
  }

  private Future<JsonObject> handleCommand(RoutingContext rc, OrderAction action) {
    Principal p = Access.principal(rc);
    long id = Bodies.pathId(rc, "id");
    JsonObject body = Bodies.json(rc);
    return database.withConnection(c -> OrderSql.visible(c, p.scope(), id)).compose(row -> {
      if (row == null) {
        return Future.failedFuture(ApiException.notFound("order " + id));
      }
      Long provider = body.getLong("providerId", row.getLong("providerId"));
      return orders.command(new OrderCommand(id, action, p.username(), provider, body.getInteger("rating"),
          body.getString("comment")));
    }).map(view -> view.toJson());
  }

  private Future<JsonObject> handleReturnVisits(RoutingContext rc) {
    Page page = Page.of(rc);
    return database.withConnection(c -> OrderSql.openReturnVisits(c, page)).map(page::answer);
  }
}
