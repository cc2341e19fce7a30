package org.anxin.sim.scenario;

import org.anxin.sim.behaviour.GeoPoint;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.Payloads;

/**
 * A person with dementia walks out of the safe zone and keeps going: from the zone's centre (the home unless
 * {@code --centre}) along one bearing at a slow walking pace, a good GNSS fix every interval, until
 * {@code --beyond} metres past the edge of the {@code --radius} circle.
 */
final class WanderScenario {

  private static final double WALK_SPEED_MPS = 1.2;

  private WanderScenario() {
  }

  static void play(ScenarioContext ctx) throws InterruptedException {
    ScenarioOptions o = ctx.options();
    GeoPoint centre = o.centre == null ? ctx.home() : parse(o.centre);
    double bearing = ctx.random().nextDouble() * 360;
    double stepM = WALK_SPEED_MPS * o.interval;
    double endM = o.radius + o.beyond;
    ctx.connect();
    int steps = 0;
    for (double d = 0; d <= endM; d += stepM) {
      if (steps++ > 0) {
        ctx.pace().pause(o.interval);
      }
      GeoPoint at = centre.toward(bearing, d);
      ctx.send(Channel.TELEMETRY, Payloads.fix(ctx.fixAt(at)).put("worn", true).put("hr", 92)
          .put("steps", (int) (d * 1.5)));
    }
    ctx.close();
  }

  static GeoPoint parse(String latLon) {
    String[] parts = latLon.split(",");
    return new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
  }
}
