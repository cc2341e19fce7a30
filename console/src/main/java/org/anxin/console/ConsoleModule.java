package org.anxin.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

import java.time.Clock;

/** The console module as a node runs it: the JSON API and live stream on the node's HTTP server. */
public final class ConsoleModule implements AnxinModule {

  @Override
  public String name() {
    return "console";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    ConsoleOptions options = ConsoleOptions.from(context.settings());
    return vertx.deployVerticle(new ConsoleVerticle(context.router(), context.database(), options,
        context.node().timezone(), Clock.systemUTC())).mapEmpty();
  }
}
