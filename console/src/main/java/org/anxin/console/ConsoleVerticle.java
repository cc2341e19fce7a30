package org.anxin.console;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.SessionStore;
import org.anxin.console.api.AlarmRoutes;
import org.anxin.console.api.ApiErrors;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.CallRoutes;
import org.anxin.console.api.ElderRoutes;
import org.anxin.console.api.OpenApi;
import org.anxin.console.api.OrderRoutes;
import org.anxin.console.api.ReportRoutes;
import org.anxin.console.api.admin.AdminRoutes;
import org.anxin.console.api.admin.DeviceRoutes;
import org.anxin.console.api.admin.EscalationRoutes;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Csrf;
import org.anxin.console.auth.DatabaseSessionStore;
import org.anxin.console.auth.Logins;
import org.anxin.console.auth.SessionRoutes;
import org.anxin.console.stream.LiveFixes;
import org.anxin.console.stream.StreamFeed;
import org.anxin.console.stream.StreamHub;
import org.anxin.console.stream.StreamRoutes;
import org.anxin.infra.db.Database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The console's JSON API under {@code /api} on the node's shared router: sessions and CSRF first, then the routes,
 * each checking its roles and the caller's scope; the live stream fed from the bus. Sessions live in the database,
 * so any console behind the load balancer serves any session.
 */
public class ConsoleVerticle extends VerticleBase {

  /** The session cookie's name. */
  public static final String COOKIE = "anxin_session";
  private static final long BODY_LIMIT = 2L * 1024 * 1024;
  private static final Duration SESSION_PURGE = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleVerticle.class);

  private final Router shared;
  private final Database database;
  private final ConsoleOptions options;
  private final ZoneId zone;
  private final Clock clock;
  private long heartbeatTimer;
  private long purgeTimer;
  private long fixTimer;

  public ConsoleVerticle(Router shared, Database database, ConsoleOptions options, ZoneId zone, Clock clock) {
    this.shared = shared;
    this.database = database;
    this.options = options;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    DatabaseSessionStore sessions = new DatabaseSessionStore(vertx, database, clock);
    Access access = new Access(database);
    StreamHub hub = new StreamHub(options.replayWindow(), clock);
    Router api = Router.router(vertx);
    api.route().handler(ConsoleVerticle::securityHeaders);
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    api.route().handler(sessionHandler(sessions));
    api.route().handler(Csrf::check);
    ApiRouter routes = new ApiRouter(api, access, "/api");
    mountSession(routes, new SessionRoutes(new Logins(database, options, clock), access));
    new AlarmRoutes(database, vertx.eventBus()).mount(routes);
    new OrderRoutes(database, vertx.eventBus()).mount(routes);
    new ElderRoutes(database, zone, clock).mount(routes);
    new ReportRoutes(vertx.eventBus(), database, zone).mount(routes);
    new CallRoutes(database, vertx.eventBus()).mount(routes);
    new AdminRoutes(database, vertx.eventBus()).mount(routes);
    new DeviceRoutes(database, vertx.eventBus()).mount(routes);
    new EscalationRoutes(database).mount(routes);
    LiveFixes fixes = new LiveFixes(hub, database, clock);
    new StreamRoutes(hub, fixes, database).mount(routes);
    JsonObject openApi = OpenApi.document(routes.docs());
    api.get("/openapi.json").handler(rc -> rc.json(openApi));
    api.route().failureHandler(ApiErrors::handle);
    api.route().handler(rc -> rc.fail(404));
    shared.route("/api/*").subRouter(api);
    heartbeatTimer = vertx.setPeriodic(options.heartbeat().toMillis(), t -> hub.heartbeat(sessions, access));
    fixTimer = vertx.setPeriodic(options.fixPoll().toMillis(), t -> fixes.poll());
    purgeTimer = vertx.setPeriodic(SESSION_PURGE.toMillis(), t -> sessions.purge()
        .onFailure(e -> LOG.warn("Purging expired sessions failed: {}", e.getMessage())));
    return new StreamFeed(hub).listen(vertx.eventBus());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(heartbeatTimer);
    vertx.cancelTimer(purgeTimer);
    vertx.cancelTimer(fixTimer);
    return Future.succeededFuture();
  }

  private SessionHandler sessionHandler(SessionStore store) {
    return SessionHandler.create(store).setSessionCookieName(COOKIE).setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(options.cookieSecure()).setCookieSameSite(CookieSameSite.STRICT)
        .setSessionTimeout(options.sessionTimeout().toMillis()).setMinLength(32).setNagHttps(false)
        .setLazySession(true);
  }

  /** API answers are data, never pages: not sniffed as HTML, not cached, not framed, no referrer sent on. */
  private static void securityHeaders(RoutingContext rc) {
    rc.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control", "no-store")
        .putHeader("X-Frame-Options", "DENY").putHeader("Referrer-Policy", "no-referrer");
    rc.next();
  }

  private static void mountSession(ApiRouter routes, SessionRoutes session) {
    routes.open(HttpMethod.GET, "/session", Spec.of("Who is signed in, and the CSRF token for changes"),
        session::handleSession);
    routes.open(HttpMethod.POST, "/login", Spec.of("Sign in; a new session id and CSRF token; 401 wrong, 423 locked")
        .body("{\"username\", \"password\"}"), session::handleLogin);
    routes.open(HttpMethod.POST, "/logout", Spec.of("Sign out (204)"), session::handleLogout);
  }
}
