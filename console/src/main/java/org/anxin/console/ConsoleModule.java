package org.anxin.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

/** The console module as a node runs it. */
public final class ConsoleModule implements AnxinModule {

  @Override
  public String name() {
    return "console";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    return vertx.deployVerticle(new ConsoleVerticle()).mapEmpty();
  }
}
