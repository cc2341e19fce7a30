package org.anxin.dispatcher;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.anxin.dispatcher.escalation.EscalationVerticle;
import org.anxin.dispatcher.orders.OrderVerticle;
import org.anxin.dispatcher.report.ReportVerticle;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.DatabaseOptions;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The dispatcher as one deployment: opens a database pool of its own on the node's database (alarm routing must
 * not wait behind the gateway's telemetry batches in the shared pool), deploys escalation, orders and the report
 * on it, and closes it when undeployed (Vert.x undeploys the children first).
 */
public class DispatcherVerticle extends VerticleBase {

  private final DispatcherOptions options;
  private final DatabaseOptions node;
  private final ZoneId zone;
  private final DispatcherMetrics metrics;
  private Database database;

  public DispatcherVerticle(DispatcherOptions options, DatabaseOptions node, ZoneId zone, DispatcherMetrics metrics) {
    this.options = options;
    this.node = node;
    this.zone = zone;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    DatabaseOptions own = new DatabaseOptions(node.url(), node.user(), node.password(), options.dbPoolSize(),
        node.connectTimeoutMs());
    Clock clock = Clock.systemUTC();
    return vertx.executeBlocking(() -> Database.open(vertx, own, "anxin-dispatcher-db"))
        .compose(db -> {
          database = db;
          return Future.all(
              vertx.deployVerticle(new EscalationVerticle(options, db, clock, metrics)),
              vertx.deployVerticle(new OrderVerticle(options, db, clock, zone, metrics)),
              vertx.deployVerticle(new ReportVerticle(db, zone)));
        });
  }

  @Override
  public Future<?> stop() {
    return database == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
      database.close();
      return null;
    });
  }
}
