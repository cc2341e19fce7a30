package org.anxin.sim.scenario;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.EventType;
import org.anxin.sim.protocol.Payloads;

/** Scenarios told by a run of readings: a racing heart, a dying battery, a strap taken off, a home gone still. */
final class ReadingScenarios {

  private ReadingScenarios() {
  }

  /** {@code --readings} consecutive readings of {@code --hr}, worn, at home. */
  static void heartRate(ScenarioContext ctx) throws InterruptedException {
    ctx.connect();
    for (int i = 0; i < ctx.options().readings; i++) {
      pauseBetween(ctx, i);
      ctx.send(Channel.TELEMETRY, Payloads.fix(ctx.fixAt(ctx.home())).put("worn", true)
          .put("hr", ctx.options().hr).put("spo2", 94));
    }
    ctx.close();
  }

  /** The battery falls from 20 % to 10 % over the readings, and the last status says so. */
  static void lowBattery(ScenarioContext ctx) throws InterruptedException {
    ctx.connect();
    int n = Math.max(2, ctx.options().readings);
    int bat = 20;
    for (int i = 0; i < n; i++) {
      pauseBetween(ctx, i);
      bat = 20 - (10 * i) / (n - 1);
      ctx.send(Channel.TELEMETRY, new JsonObject().put("bat", bat).put("worn", true));
    }
    ctx.send(Channel.STATUS, new JsonObject().put("online", true).put("bat", bat));
    ctx.close();
  }

  /** The strap comes off by day, and the band keeps reporting that it is not worn. */
  static void strapOff(ScenarioContext ctx) throws InterruptedException {
    ctx.connect();
    ctx.send(Channel.EVENT, Payloads.event(EventType.STRAP_OFF));
    for (int i = 0; i < ctx.options().readings; i++) {
      ctx.pace().pause(ctx.options().interval);
      ctx.send(Channel.TELEMETRY, Payloads.fix(ctx.fixAt(ctx.home())).put("worn", false).put("bat", 64));
    }
    ctx.close();
  }

  /**
   * The home falls still for {@code --silence} minutes: the terminal's heartbeats keep coming with
   * {@code motion:false}; a wristband lies unworn with its step count frozen.
   */
  static void inactivity(ScenarioContext ctx) throws InterruptedException {
    ctx.connect();
    int beats = Math.max(1, ctx.options().silence * 60 / ctx.options().interval);
    for (int i = 0; i < beats; i++) {
      pauseBetween(ctx, i);
      ctx.send(Channel.TELEMETRY, ctx.device().isWristband()
          ? new JsonObject().put("worn", false).put("steps", 812)
          : new JsonObject().put("motion", false).put("temp", 21.0));
    }
    ctx.close();
  }

  private static void pauseBetween(ScenarioContext ctx, int reading) throws InterruptedException {
    if (reading > 0) {
      ctx.pace().pause(ctx.options().interval);
    }
  }
}
