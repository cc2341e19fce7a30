package org.anxin.dispatcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.dispatcher.escalation.EscalationVerticle;
import org.anxin.dispatcher.orders.OrderVerticle;
import org.anxin.dispatcher.report.ReportVerticle;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

import java.time.Clock;

/** The dispatcher module as a node runs it: alarm escalation, service orders and the acknowledgement report. */
public final class DispatcherModule implements AnxinModule {

  @Override
  public String name() {
    return "dispatcher";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    DispatcherOptions options = DispatcherOptions.from(context.settings());
    Clock clock = Clock.systemUTC();
    return Future.all(
            vertx.deployVerticle(new EscalationVerticle(options, context.database(), clock)),
            vertx.deployVerticle(new OrderVerticle(options, context.database(), clock, context.node().timezone())),
            vertx.deployVerticle(new ReportVerticle(context.database(), context.node().timezone())))
        .mapEmpty();
  }
}
