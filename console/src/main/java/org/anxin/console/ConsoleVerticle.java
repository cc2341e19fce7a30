package org.anxin.console;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import org.anxin.console.api.AlarmRoutes;
import org.anxin.console.api.ApiErrors;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.ElderRoutes;
import org.anxin.console.api.OpenApi;
import org.anxin.console.api.OrderRoutes;
import org.anxin.console.api.ReportRoutes;
import org.anxin.console.api.admin.AdminRoutes;
import org.anxin.console.api.admin.DeviceRoutes;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Csrf;
import org.anxin.console.auth.Logins;
import org.anxin.console.auth.SessionRoutes;
import org.anxin.console.stream.StreamFeed;
import org.anxin.console.stream.StreamHub;
import org.anxin.console.stream.StreamRoutes;
import org.anxin.infra.db.Database;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The console's JSON API under {@code /api} on the node's shared router: sessions and CSRF first, then the routes,
 * each checking its roles and the caller's scope; the live stream fed from the bus. Sessions live in a
 * cluster-wide map when Vert.x is clustered, so any console behind the load balancer serves any session.
 */
public class ConsoleVerticle extends VerticleBase {

  /** The session cookie's name. */
  public static final String COOKIE = "anxin_session";
  private static final long BODY_LIMIT = 2L * 1024 * 1024;

  private final Router shared;
  private final Database database;
  private final ConsoleOptions options;
  private final ZoneId zone;
  private final Clock clock;
  private long heartbeatTimer;

  public ConsoleVerticle(Router shared, Database database, ConsoleOptions options, ZoneId zone, Clock clock) {
    this.shared = shared;
    this.database = database;
    this.options = options;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    SessionStore sessions = vertx.isClustered() ? ClusteredSessionStore.create(vertx, "anxin.sessions")
        : LocalSessionStore.create(vertx, "anxin.sessions");
    Access access = new Access(database);
    StreamHub hub = new StreamHub(options.replayWindow(), clock);
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    api.route().handler(sessionHandler(sessions));
    api.route().handler(Csrf::check);
    ApiRouter routes = new ApiRouter(api, access, "/api");
    mountSession(routes, new SessionRoutes(new Logins(database, options, clock), access));
    new AlarmRoutes(database, vertx.eventBus()).mount(routes);
    new OrderRoutes(database, vertx.eventBus()).mount(routes);
    new ElderRoutes(database, zone, clock).mount(routes);
    new ReportRoutes(vertx.eventBus()).mount(routes);
    new AdminRoutes(database, vertx.eventBus()).mount(routes);
    new DeviceRoutes(database, vertx.eventBus()).mount(routes);
    new StreamRoutes(hub).mount(routes);
    new org.anxin.console.web.CallRoutes(database).mount(routes);
    new org.anxin.console.web.OverviewRoutes(database, zone).mount(routes);
    new org.anxin.console.web.EscalationRoutes(database).mount(routes);
    JsonObject openApi = OpenApi.document(routes.docs());
    api.get("/openapi.json").handler(rc -> rc.json(openApi));
    api.route().failureHandler(ApiErrors::handle);
    api.route().handler(rc -> rc.fail(404));
    shared.route("/api/*").subRouter(api);
    heartbeatTimer = vertx.setPeriodic(options.heartbeat().toMillis(), t -> hub.heartbeat(sessions, access));
    return new StreamFeed(hub).listen(vertx.eventBus());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(heartbeatTimer);
    return Future.succeededFuture();
  }

  private SessionHandler sessionHandler(SessionStore store) {
    return SessionHandler.create(store).setSessionCookieName(COOKIE).setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(options.cookieSecure()).setCookieSameSite(CookieSameSite.STRICT)
        .setSessionTimeout(options.sessionTimeout().toMillis()).setMinLength(32).setNagHttps(false);
  }

  private static void mountSession(ApiRouter routes, SessionRoutes session) {
    routes.open(HttpMethod.GET, "/session", Spec.of("Who is signed in, and the CSRF token for changes"),
        session::handleSession);
    routes.open(HttpMethod.POST, "/login", Spec.of("Sign in; a new session id and CSRF token; 401 wrong, 423 locked")
        .body("{\"username\", \"password\"}"), session::handleLogin);
    routes.open(HttpMethod.POST, "/logout", Spec.of("Sign out (204)"), session::handleLogout);
  }
}
