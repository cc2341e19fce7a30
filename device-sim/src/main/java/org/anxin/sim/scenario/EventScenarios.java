package org.anxin.sim.scenario;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.EventType;
import org.anxin.sim.protocol.Fix;
import org.anxin.sim.protocol.Payloads;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Scenarios of one discrete event: an SOS press, a fall, smoke, gas, a leak, a door opened at night. */
final class EventScenarios {

  private EventScenarios() {
  }

  /** A wristband's SOS carries where it is; a terminal's comes from its panic button. */
  static void sos(ScenarioContext ctx) {
    ctx.connect();
    if (ctx.device().isWristband()) {
      Fix fix = ctx.fixAt(ctx.home());
      ctx.send(Channel.TELEMETRY, Payloads.fix(fix).put("worn", true).put("hr", 96));
      ctx.send(Channel.EVENT, Payloads.event(EventType.SOS, fix));
    } else {
      ctx.send(Channel.EVENT, Payloads.event(EventType.SOS, "panic-button"));
    }
    ctx.close();
  }

  /** A fall, then lying still: worn, a raised heart rate, no new steps. */
  static void fall(ScenarioContext ctx) throws InterruptedException {
    ctx.connect();
    Fix fix = ctx.fixAt(ctx.home());
    if (!ctx.device().isWristband()) {
      ctx.send(Channel.EVENT, Payloads.event(EventType.FALL, "fall-radar"));
      ctx.close();
      return;
    }
    ctx.send(Channel.EVENT, Payloads.event(EventType.FALL, fix));
    for (int i = 0; i < 3; i++) {
      ctx.pace().pause(ctx.options().interval);
      ctx.send(Channel.TELEMETRY, Payloads.fix(ctx.fixAt(ctx.home())).put("worn", true).put("hr", 98 + i)
          .put("steps", 2300).put("motion", false));
    }
    ctx.close();
  }

  static void smoke(ScenarioContext ctx) throws InterruptedException {
    homeHazard(ctx, EventType.SMOKE, "kitchen-smoke");
  }

  static void gas(ScenarioContext ctx) throws InterruptedException {
    homeHazard(ctx, EventType.GAS, "kitchen-gas");
  }

  static void waterLeak(ScenarioContext ctx) throws InterruptedException {
    homeHazard(ctx, EventType.WATER_LEAK, "bathroom-leak");
  }

  /** The sensor's event, then the next heartbeat. */
  private static void homeHazard(ScenarioContext ctx, EventType type, String sensor) throws InterruptedException {
    ctx.connect();
    ctx.send(Channel.EVENT, Payloads.event(type, sensor));
    ctx.pace().pause(ctx.options().interval);
    ctx.send(Channel.TELEMETRY, new JsonObject().put("motion", true).put("temp", 23.5));
    ctx.close();
  }

  /**
   * The front door opens in the night and closes again, and the home falls still. The readings carry the time the
   * door opened: now when it is night, else the last {@code --at-local} time, so training works by day too.
   */
  static void nightDoor(ScenarioContext ctx) throws InterruptedException {
    ctx.connect();
    long opened = doorTime(ctx).toInstant().toEpochMilli();
    long step = Math.round(ctx.options().interval * 1000.0);
    ctx.sendAt(Channel.EVENT, Payloads.event(EventType.DOOR_OPEN, "front-door"), opened);
    ctx.pace().pause(20);
    ctx.sendAt(Channel.EVENT, Payloads.event(EventType.DOOR_CLOSE, "front-door"), opened + 20_000);
    ctx.sendAt(Channel.TELEMETRY, new JsonObject().put("motion", false).put("temp", 19.0), opened + step);
    ctx.close();
  }

  static ZonedDateTime doorTime(ScenarioContext ctx) {
    ZonedDateTime now = ZonedDateTime.now(ctx.zone());
    String at = ctx.options().atLocal;
    boolean night = now.getHour() >= 22 || now.getHour() < 6;
    if ("auto".equalsIgnoreCase(at) && night || "now".equalsIgnoreCase(at)) {
      return now;
    }
    LocalTime time = "auto".equalsIgnoreCase(at) ? LocalTime.of(2, 30) : LocalTime.parse(at);
    ZonedDateTime today = now.with(time);
    return today.isAfter(now) ? today.minusDays(1) : today;
  }
}
