package org.anxin.console.auth;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.anxin.console.api.ApiException;
import org.anxin.console.sql.UserSql;
import org.anxin.infra.db.Database;

import java.util.Set;

/**
 * Who is calling, resolved once per request: the session's user read afresh (a disabled user or a changed link
 * counts at once) with its {@link Scope}, then the route's roles checked.
 */
public final class Access {

  static final String USER_ID = "uid";
  private static final String PRINCIPAL = "principal";

  private final Database database;

  public Access(Database database) {
    this.database = database;
  }

  public void authenticate(RoutingContext rc) {
    Session session = rc.session();
    Long userId = session == null ? null : session.get(USER_ID);
    if (userId == null) {
      rc.fail(ApiException.unauthorized("sign in first"));
      return;
    }
    load(userId).onSuccess(principal -> {
      if (principal == null) {
        session.destroy();
        rc.fail(ApiException.unauthorized("the session's user is disabled or gone; sign in again"));
        return;
      }
      rc.put(PRINCIPAL, principal);
      rc.next();
    }).onFailure(rc::fail);
  }

  /** The principal of a user id now, or null when the user is disabled or deleted. */
  public Future<Principal> load(long userId) {
    return database.withConnection(c -> UserSql.principal(c, userId));
  }

  public static Handler<RoutingContext> roles(Set<Role> allowed) {
    return rc -> {
      if (allowed.contains(principal(rc).role())) {
        rc.next();
      } else {
        rc.fail(ApiException.forbidden("the role " + principal(rc).role().dbValue() + " may not do this"));
      }
    };
  }

  public static Principal principal(RoutingContext rc) {
    return rc.get(PRINCIPAL);
  }

  /** The user id of a session, or null when nobody signed in on it. */
  public static Long userId(Session session) {
    return session == null ? null : session.get(USER_ID);
  }
}
