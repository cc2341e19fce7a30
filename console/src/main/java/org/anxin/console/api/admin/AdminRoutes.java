package org.anxin.console.api.admin;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiException;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Reply;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.Bodies;
import org.anxin.console.api.Page;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.Column;
import org.anxin.console.sql.Link;
import org.anxin.console.sql.Table;
import org.anxin.console.sql.TableSql;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.db.Database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

/**
 * The admin's create, read, update and delete of {@link AdminTables}, each change written to {@code audit_log};
 * a change of elders, safe zones or devices tells the gateway to reload its alarm settings.
 */
public final class AdminRoutes {

  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

  private final Database database;
  private final EventBus bus;

  public AdminRoutes(Database database, EventBus bus) {
    this.database = database;
    this.bus = bus;
  }

  public void mount(ApiRouter api) {
    for (Table t : AdminTables.TABLES) {
      String base = "/admin/" + t.path();
      List<String> query = new ArrayList<>(t.filters());
      query.addAll(List.of("limit", "offset"));
      api.route(GET, base, ADMIN, Spec.of("List " + t.path()).query(query.toArray(String[]::new)),
          rc -> handleList(rc, t));
      api.route(GET, base + "/:id", ADMIN, Spec.of("One of " + t.path()), rc -> handleOne(rc, t));
      api.route(PATCH, base + "/:id", ADMIN, Spec.of("Change fields of one of " + t.path()).body(sketch(t)),
          rc -> handleUpdate(rc, t));
      if (t.creatable()) {
        api.route(POST, base, ADMIN, Spec.of("Create one of " + t.path() + " (201)").body(sketch(t)),
            rc -> handleCreate(rc, t));
      }
      if (t.deletable()) {
        api.route(DELETE, base + "/:id", ADMIN, Spec.of("Delete one of " + t.path() + " (204)"),
            rc -> handleDelete(rc, t));
      }
    }
    for (Link link : AdminTables.LINKS) {
      String base = "/admin/" + link.ownerPath() + "/:id/" + link.targetPath();
      api.route(GET, base, ADMIN, Spec.of("The " + link.targetPath() + " linked to one of " + link.ownerPath()),
          rc -> handleLinks(rc, link));
      api.route(PUT, base + "/:target", ADMIN, Spec.of("Link a " + link.targetPath() + " (204)")
          .body(link.extra() == null ? null : "{\"" + link.extraJson() + "\"}"), rc -> handleLink(rc, link));
      api.route(DELETE, base + "/:target", ADMIN, Spec.of("Unlink a " + link.targetPath() + " (204)"),
          rc -> handleUnlink(rc, link));
    }
  }

  private Future<JsonObject> handleList(RoutingContext rc, Table t) {
    Map<String, Long> filters = new LinkedHashMap<>();
    for (String f : t.filters()) {
      Long v = Bodies.queryLong(rc, f);
      if (v != null) {
        filters.put(f, v);
      }
    }
    Page page = Page.of(rc);
    return database.withConnection(c -> TableSql.list(c, t, filters, page)).map(page::answer);
  }

  private Future<JsonObject> handleOne(RoutingContext rc, Table t) {
    Object id = id(rc, t);
    return database.withConnection(c -> TableSql.one(c, t, id)).map(row -> found(row, t, id));
  }

  private Future<Reply> handleCreate(RoutingContext rc, Table t) {
    JsonObject body = checked(Bodies.json(rc), t);
    List<String> missing = t.columns().stream().filter(Column::required).map(Column::json)
        .filter(k -> body.getValue(k) == null).toList();
    if (!missing.isEmpty()) {
      throw ApiException.badRequest("required: " + String.join(", ", missing));
    }
    Principal p = Access.principal(rc);
    return database.inTransaction(c -> {
      JsonObject row = TableSql.insert(c, t, body);
      AuditLog.write(c, p, "admin.create", t.name(), row.getValue("id"), changed(body));
      return row;
    }).map(row -> afterChange(t, new Reply(201, row)));
  }

  private Future<JsonObject> handleUpdate(RoutingContext rc, Table t) {
    JsonObject body = checked(Bodies.json(rc), t);
    if (body.isEmpty()) {
      throw ApiException.badRequest("the body names no field to change");
    }
    Object id = id(rc, t);
    Principal p = Access.principal(rc);
    return database.inTransaction(c -> {
      JsonObject row = found(TableSql.update(c, t, id, body), t, id);
      AuditLog.write(c, p, "admin.update", t.name(), id, changed(body));
      return row;
    }).map(row -> afterChange(t, row));
  }

  private Future<Void> handleDelete(RoutingContext rc, Table t) {
    Object id = id(rc, t);
    Principal p = Access.principal(rc);
    return database.inTransaction(c -> {
      if (!TableSql.delete(c, t, id)) {
        throw ApiException.notFound(t.path() + " " + id);
      }
      AuditLog.write(c, p, "admin.delete", t.name(), id, null);
      return null;
    }).map(v -> afterChange(t, null));
  }

  private Future<JsonObject> handleLinks(RoutingContext rc, Link link) {
    long owner = Bodies.pathId(rc, "id");
    return database.withConnection(c -> TableSql.links(c, link, owner))
        .map(rows -> new JsonObject().put("items", new io.vertx.core.json.JsonArray(new ArrayList<>(rows))));
  }

  private Future<Void> handleLink(RoutingContext rc, Link link) {
    long owner = Bodies.pathId(rc, "id");
    long target = Bodies.pathId(rc, "target");
    String extra = link.extra() == null ? null : Bodies.json(rc).getString(link.extraJson());
    Principal p = Access.principal(rc);
    return database.inTransaction(c -> {
      TableSql.link(c, link, owner, target, extra);
      AuditLog.write(c, p, "admin.link", link.table(), owner + ":" + target,
          new JsonObject().put(link.targetPath(), target).put("extra", extra));
      return null;
    });
  }

  private Future<Void> handleUnlink(RoutingContext rc, Link link) {
    long owner = Bodies.pathId(rc, "id");
    long target = Bodies.pathId(rc, "target");
    Principal p = Access.principal(rc);
    return database.inTransaction(c -> {
      if (!TableSql.unlink(c, link, owner, target)) {
        throw ApiException.notFound("link " + owner + ":" + target);
      }
      AuditLog.write(c, p, "admin.unlink", link.table(), owner + ":" + target, null);
      return null;
    });
  }

  /**
   * Every key must name a writable column: a typo is an error, not a silently ignored field. A null clears an
   * optional column; one that may not be empty is refused by name rather than by the database's constraint.
   */
  private static JsonObject checked(JsonObject body, Table t) {
    List<String> notEmpty = new ArrayList<>();
    for (String key : body.fieldNames()) {
      Column col = t.column(key);
      if (col == null || !AdminTables.writable(col)) {
        throw ApiException.badRequest("'" + key + "' is not a field that can be set on " + t.path());
      }
      if (body.getValue(key) == null && !col.nullable()) {
        notEmpty.add(key);
      }
    }
    if (!notEmpty.isEmpty()) {
      throw ApiException.badRequest("cannot be empty (null) on " + t.path() + ": " + String.join(", ", notEmpty));
    }
    return body;
  }

  private <T> T afterChange(Table t, T answer) {
    if (t.touchesRules()) {
      bus.publish(Addresses.RULES_CHANGED, new JsonObject().put("table", t.name()));
    }
    return answer;
  }

  private static Object id(RoutingContext rc, Table t) {
    return t.name().equals("devices") ? rc.pathParam("id") : Bodies.pathId(rc, "id");
  }

  private static JsonObject found(JsonObject row, Table t, Object id) {
    if (row == null) {
      throw ApiException.notFound(t.path() + " " + id);
    }
    return row;
  }

  /** The audit record of a change: the fields given, a password never. */
  private static JsonObject changed(JsonObject body) {
    JsonObject copy = body.copy();
    if (copy.containsKey("password")) {
      copy.put("password", "(set)");
    }
    return copy;
  }

  private static String sketch(Table t) {
    return "{" + String.join(", ", t.columns().stream().filter(AdminTables::writable)
        .map(col -> "\"" + col.json() + "\"" + (col.required() ? "*" : "")).toList()) + "}";
  }
}
