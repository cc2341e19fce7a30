package org.anxin.sim.scenario;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.protocol.Channel;

/** Scenarios of the connection itself: lost without a goodbye, or coming and going. */
final class ConnectionScenarios {

  private ConnectionScenarios() {
  }

  /** Online, one reading, then the network is cut: the broker publishes the Last Will. */
  static void offline(ScenarioContext ctx) {
    try (SeverableRelay relay = new SeverableRelay(ctx.broker())) {
      ctx.connect(relay.address(), false);
      ctx.send(Channel.TELEMETRY, new JsonObject().put("bat", 55));
      relay.sever();
    }
  }

  /** {@code --cycles} times: online for {@code --up} seconds, then cut, then back after as long. */
  static void flapping(ScenarioContext ctx) throws InterruptedException {
    try (SeverableRelay relay = new SeverableRelay(ctx.broker())) {
      ctx.connect(relay.address(), false);
      for (int i = 0; i < ctx.options().cycles; i++) {
        if (i > 0) {
          ctx.reconnect();
        }
        ctx.pace().pause(ctx.options().up);
        relay.sever();
        ctx.pace().pause(ctx.options().up);
      }
    }
  }
}
