package org.anxin.hotline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

/** The hotline module as a node runs it: one {@link HotlineVerticle}. */
public final class HotlineModule implements AnxinModule {

  @Override
  public String name() {
    return "hotline";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    return vertx.deployVerticle(new HotlineVerticle(HotlineOptions.from(context.settings()), context.database(),
        AlarmOptions.from(context.settings(), context.node(), "hotline"), context.health(), context.registry()))
        .mapEmpty();
  }
}
