package org.anxin.sim.behaviour;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.protocol.Fix;
import org.anxin.sim.protocol.Payloads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * A person wearing a wristband: at home most of the day, out on a loop through the village during walks, the strap
 * off and the band on its charger at night. Heart rate rises when walking, steps count from midnight, the battery
 * drains by day at a rate of the person's own and recharges at night.
 */
public final class WristbandBehaviour {

  private static final double WALK_SPEED_MPS = 1.1;
  private static final double STEPS_PER_METRE = 1.5;

  private final GeoPoint home;
  private final DailyRhythm rhythm;
  private final GnssModel gnss;
  private final Random random;
  private final int restingHr;
  private final double drainPerHour;
  private final double loopRadiusM;
  private final double loopBearing;
  private GeoPoint position;
  private double walkedM;
  private double steps;
  private LocalDate stepsDay;
  private double battery;
  private boolean worn = true;
  private Instant last;

  public WristbandBehaviour(GeoPoint home, Random random) {
    this.home = home;
    this.random = random;
    this.rhythm = new DailyRhythm(random);
    this.gnss = new GnssModel(random);
    this.restingHr = 62 + random.nextInt(18);
    this.drainPerHour = 1.0 + random.nextDouble() * 2.5;
    this.loopRadiusM = 120 + random.nextDouble() * 180;
    this.loopBearing = random.nextDouble() * 360;
    this.battery = 40 + random.nextInt(61);
    this.position = home;
  }

  /** Lives the time since the last call and returns the telemetry a report now carries. */
  public JsonObject next(ZonedDateTime now) {
    Activity activity = advance(now);
    JsonObject body = Payloads.fix(gnss.fix(position, activity != Activity.WALK))
        .put("bat", battery()).put("steps", (int) steps).put("worn", worn);
    if (worn) {
      body.put("hr", heartRate(activity)).put("spo2", 95 + random.nextInt(5));
    }
    return body;
  }

  /** A fix on demand ({@code locate}); a good one, as a band asked to locate waits for GNSS. */
  public Fix locate(ZonedDateTime now) {
    advance(now);
    return gnss.fix(position, false);
  }

  public int battery() {
    return (int) Math.round(battery);
  }

  private Activity advance(ZonedDateTime now) {
    double dt = last == null ? 0 : Math.max(0, (now.toInstant().toEpochMilli() - last.toEpochMilli()) / 1000.0);
    last = now.toInstant();
    if (!now.toLocalDate().equals(stepsDay)) {
      stepsDay = now.toLocalDate();
      steps = 0;
    }
    Activity activity = rhythm.at(now.toLocalTime());
    worn = activity != Activity.SLEEP;
    battery = worn ? Math.max(1, battery - drainPerHour * dt / 3600) : Math.min(100, battery + 30 * dt / 3600);
    move(activity, dt);
    return activity;
  }

  private void move(Activity activity, double dt) {
    if (activity == Activity.WALK) {
      walkedM += WALK_SPEED_MPS * dt;
      steps += WALK_SPEED_MPS * dt * STEPS_PER_METRE;
      double angle = walkedM / (2 * Math.PI * loopRadiusM) * 360;
      GeoPoint loopCentre = home.toward(loopBearing, loopRadiusM);
      position = loopCentre.toward(loopBearing + 180 + angle, loopRadiusM);
      return;
    }
    walkedM = 0;
    position = home.offset(random.nextGaussian() * 3, random.nextGaussian() * 3);
    if (worn) {
      steps += dt * random.nextDouble() * 0.08;
    }
  }

  private int heartRate(Activity activity) {
    int effort = switch (activity) {
      case WALK -> 28;
      case MEAL -> 6;
      default -> 0;
    };
    return restingHr + effort + (int) Math.round(random.nextGaussian() * 3);
  }
}
