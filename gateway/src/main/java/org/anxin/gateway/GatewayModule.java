package org.anxin.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

/** The gateway module as a node runs it. */
public final class GatewayModule implements AnxinModule {

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    return vertx.deployVerticle(new IngestVerticle()).mapEmpty();
  }
}
