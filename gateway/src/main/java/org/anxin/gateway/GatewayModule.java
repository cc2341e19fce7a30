package org.anxin.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.gateway.ingest.IngestVerticle;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

/** The gateway module as a node runs it: one {@link IngestVerticle} with the node's database and broker. */
public final class GatewayModule implements AnxinModule {

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    GatewayOptions options = GatewayOptions.from(context.settings());
    return vertx.deployVerticle(new IngestVerticle(options, context.database(), context.mqtt(),
        new GatewayMetrics(context.registry()), context.health())).mapEmpty();
  }
}
