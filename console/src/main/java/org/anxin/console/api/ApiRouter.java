package org.anxin.console.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Declares the API's routes and remembers each one's description, so that the OpenAPI document lists exactly the
 * routes that exist. A handler returns a future of its answer: a JSON object or array (200), a {@link Reply} with
 * its own status, or null (204); a failure goes to {@link ApiErrors}.
 */
public final class ApiRouter {

  /** One route as the OpenAPI document describes it. */
  public record Doc(HttpMethod method, String path, Set<Role> roles, String summary, List<String> query,
                    String body) {
  }

  /** An answer with a status other than 200. */
  public record Reply(int status, Object body) {
  }

  /** What a route declaration adds to its summary: query parameters and a body sketch. */
  public record Spec(String summary, List<String> query, String body) {

    public static Spec of(String summary) {
      return new Spec(summary, List.of(), null);
    }

    public Spec query(String... names) {
      return new Spec(summary, List.of(names), body);
    }

    public Spec body(String sketch) {
      return new Spec(summary, query, sketch);
    }
  }

  private final Router router;
  private final Access access;
  private final String prefix;
  private final List<Doc> docs = new ArrayList<>();

  public ApiRouter(Router router, Access access, String prefix) {
    this.router = router;
    this.access = access;
    this.prefix = prefix;
  }

  /** A route anyone may call, signed in or not. */
  public void open(HttpMethod method, String path, Spec spec, Function<RoutingContext, Future<?>> handler) {
    docs.add(new Doc(method, prefix + path, null, spec.summary(), spec.query(), spec.body()));
    router.route(method, path).handler(rc -> run(rc, handler));
  }

  /** A route for signed-in users of the given roles. */
  public void route(HttpMethod method, String path, Set<Role> roles, Spec spec,
                    Function<RoutingContext, Future<?>> handler) {
    docs.add(new Doc(method, prefix + path, roles, spec.summary(), spec.query(), spec.body()));
    router.route(method, path).handler(access::authenticate).handler(Access.roles(roles))
        .handler(rc -> run(rc, handler));
  }

  /** A signed-in route that writes its own response (the live stream). */
  public void raw(HttpMethod method, String path, Set<Role> roles, Spec spec, Handler<RoutingContext> handler) {
    docs.add(new Doc(method, prefix + path, roles, spec.summary(), spec.query(), spec.body()));
    router.route(method, path).handler(access::authenticate).handler(Access.roles(roles)).handler(handler);
  }

  public List<Doc> docs() {
    return List.copyOf(docs);
  }

  private static void run(RoutingContext rc, Function<RoutingContext, Future<?>> handler) {
    Future<?> answer;
    try {
      answer = handler.apply(rc);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onSuccess(body -> send(rc, body)).onFailure(rc::fail);
  }

  static void send(RoutingContext rc, Object body) {
    if (rc.response().ended()) {
      return;
    }
    int status = 200;
    Object content = body;
    if (body instanceof Reply reply) {
      status = reply.status();
      content = reply.body();
    }
    if (content == null) {
      rc.response().setStatusCode(status == 200 ? 204 : status).end();
      return;
    }
    String json = content instanceof JsonObject o ? o.encode()
        : content instanceof JsonArray a ? a.encode() : String.valueOf(content);
    rc.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8").end(json);
  }
}
