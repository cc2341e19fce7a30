package org.anxin.hotline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.hotline.agi.AgiServerVerticle;
import org.anxin.hotline.ami.AmiVerticle;
import org.anxin.infra.alarm.AlarmMetrics;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.AlarmRaiser;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

/** The hotline module as a node runs it: the FastAGI server with its scripts, and the AMI side. */
public final class HotlineModule implements AnxinModule {

  @Override
  public String name() {
    return "hotline";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    HotlineOptions options = HotlineOptions.from(context.settings());
    AlarmOptions alarmOptions = AlarmOptions.from(context.settings(), context.node(), "hotline");
    HotlineMetrics metrics = new HotlineMetrics(context.registry());
    return vertx.executeBlocking(() -> AlarmRaiser.start(vertx, context.database().dataSource(), alarmOptions,
            new AlarmMetrics(context.registry())))
        .compose(raiser -> {
          AgiServerVerticle agi = new AgiServerVerticle(options,
              new HotlineScripts(options, context.database(), raiser, metrics));
          return vertx.deployVerticle(agi).compose(id -> vertx.deployVerticle(
              new AmiVerticle(options, context.database(), context.health(), metrics)));
        }).mapEmpty();
  }
}
