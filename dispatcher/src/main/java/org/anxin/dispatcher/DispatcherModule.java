package org.anxin.dispatcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

/** The dispatcher module as a node runs it. */
public final class DispatcherModule implements AnxinModule {

  @Override
  public String name() {
    return "dispatcher";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    return vertx.deployVerticle(new EscalationVerticle()).mapEmpty();
  }
}
