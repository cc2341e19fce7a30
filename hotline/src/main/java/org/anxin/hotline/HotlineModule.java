package org.anxin.hotline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

/** The hotline module as a node runs it. */
public final class HotlineModule implements AnxinModule {

  @Override
  public String name() {
    return "hotline";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    return vertx.deployVerticle(new AgiServerVerticle()).mapEmpty();
  }
}
