package org.anxin.infra.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.metrics.NodeMetrics;

import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The node's one HTTP server. It serves {@code /health} and {@code /metrics} itself; modules (the console) add their
 * routes to the same {@link Router} before it starts listening.
 */
public final class NodeHttpServer {

  private final Vertx vertx;
  private final HttpOptions options;
  private final Router router;
  private final HealthChecks health;
  private final NodeMetrics metrics;
  private HttpServer server;

  public NodeHttpServer(Vertx vertx, HttpOptions options, HealthChecks health, NodeMetrics metrics) {
    this.vertx = vertx;
    this.options = options;
    this.health = health;
    this.metrics = metrics;
    this.router = Router.router(vertx);
    router.get("/health").handler(this::handleHealth);
    router.get("/metrics").handler(this::handleMetrics);
  }

  public Router router() {
    return router;
  }

  /** Starts listening; the future holds the port actually bound (useful with port 0). */
  public Future<Integer> listen() {
    return vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
        .requestHandler(router)
        .listen()
        .recover(this::explainBindFailure)
        .map(bound -> {
          server = bound;
          return bound.actualPort();
        });
  }

  /** Stops accepting connections and lets the requests in flight finish, for at most {@code grace}. */
  public Future<Void> shutdown(Duration grace) {
    return server == null ? Future.succeededFuture() : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void handleHealth(RoutingContext rc) {
    health.run().onSuccess(report -> {
      metrics.record(report);
      rc.response()
          .setStatusCode(report.up() ? 200 : 503)
          .putHeader("content-type", "application/json")
          .end(report.toJson().encodePrettily());
    }).onFailure(rc::fail);
  }

  /** Runs the health checks first so the {@code anxin_*_up} gauges describe the moment of the scrape. */
  private void handleMetrics(RoutingContext rc) {
    health.run().onSuccess(report -> {
      metrics.record(report);
      PrometheusMeterRegistry registry = metrics.registry();
      rc.response()
          .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
          .end(registry.scrape());
    }).onFailure(rc::fail);
  }

  private Future<HttpServer> explainBindFailure(Throwable e) {
    if (e instanceof BindException || e.getCause() instanceof BindException) {
      return Future.failedFuture(new ConfigException("The HTTP port " + options.host() + ":" + options.port()
          + " is taken by another program; set " + HttpOptions.PORT + " to a free port (0 picks one)", e));
    }
    return Future.failedFuture(e);
  }
}
