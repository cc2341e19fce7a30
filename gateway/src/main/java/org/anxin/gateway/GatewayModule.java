package org.anxin.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.gateway.alarm.AlarmRules;
import org.anxin.gateway.alarm.AlarmRulesOptions;
import org.anxin.gateway.ingest.IngestVerticle;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.node.AnxinModule;
import org.anxin.infra.node.NodeContext;

import java.time.Clock;

/**
 * The gateway module as a node runs it: one {@link IngestVerticle} with the node's database and broker, running the
 * alarm rules on every message.
 */
public final class GatewayModule implements AnxinModule {

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public Future<Void> deploy(Vertx vertx, NodeContext context) {
    GatewayOptions options = GatewayOptions.from(context.settings());
    AlarmRules alarms = new AlarmRules(AlarmRulesOptions.from(context.settings()),
        AlarmOptions.from(context.settings(), context.node(), "gateway"), context.node(), context.database(),
        context.mqtt(), context.registry(), Clock.systemUTC());
    return vertx.deployVerticle(new IngestVerticle(options, context.database(), context.mqtt(),
        new GatewayMetrics(context.registry()), context.health(), alarms)).mapEmpty();
  }
}
