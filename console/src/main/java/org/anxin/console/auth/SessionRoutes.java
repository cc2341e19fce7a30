package org.anxin.console.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.anxin.console.api.ApiException;
import org.anxin.console.api.Bodies;

/**
 * {@code GET /api/session} (who is signed in, and the CSRF token), {@code POST /api/login} and
 * {@code POST /api/logout}. Signing in gives the session a new id (no fixation) and a new CSRF token.
 */
public final class SessionRoutes {

  /** Longer input is no one's name or password; it would only cost hashing time and audit space. */
  private static final int MAX_LENGTH = 200;

  private final Logins logins;
  private final Access access;

  public SessionRoutes(Logins logins, Access access) {
    this.logins = logins;
    this.access = access;
  }

  public Future<JsonObject> handleSession(RoutingContext rc) {
    Session session = rc.session();
    String token = Csrf.token(session);
    Long userId = Access.userId(session);
    Future<Principal> who = userId == null ? Future.succeededFuture() : access.load(userId);
    return who.map(p -> new JsonObject().put("authenticated", p != null).put("user", p == null ? null : p.toJson())
        .put("csrfToken", token));
  }

  public Future<JsonObject> handleLogin(RoutingContext rc) {
    JsonObject body = Bodies.json(rc);
    String username = body.getString("username");
    String password = body.getString("password");
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      throw ApiException.badRequest("'username' and 'password' are required");
    }
    if (username.length() > MAX_LENGTH || password.length() > MAX_LENGTH) {
      throw ApiException.badRequest("'username' and 'password' have at most " + MAX_LENGTH + " characters");
    }
    return logins.check(username.trim(), password).compose(access::load).map(p -> signIn(rc.session(), p));
  }

  private static JsonObject signIn(Session session, Principal principal) {
    session.regenerateId();
    session.put(Access.USER_ID, principal.id());
    String token = Csrf.renew(session);
    return new JsonObject().put("authenticated", true).put("user", principal.toJson()).put("csrfToken", token);
  }

  public Future<Void> handleLogout(RoutingContext rc) {
    rc.session().destroy();
    return Future.succeededFuture();
  }
}
