package org.anxin.sim.behaviour;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.protocol.EventType;
import org.anxin.sim.protocol.Payloads;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The home terminal of a household: room sensors that see movement in the rhythm of the elder's day, a front door
 * that opens and closes when they go out for a walk and come back, a bed sensor at getting up, and the room
 * temperature over the day. Its periodic telemetry is the heartbeat.
 */
public final class TerminalBehaviour {

  /** What one report carries: the heartbeat telemetry and the events since the last report. */
  public record Tick(JsonObject telemetry, List<JsonObject> events) {
  }

  private final DailyRhythm rhythm;
  private final Random random;
  private final double warmth;
  private Activity previous;

  public TerminalBehaviour(Random random) {
    this.random = random;
    this.rhythm = new DailyRhythm(random);
    this.warmth = random.nextGaussian() * 1.5;
  }

  public Tick next(ZonedDateTime now) {
    Activity activity = rhythm.at(now.toLocalTime());
    List<JsonObject> events = transition(previous, activity);
    previous = activity;
    JsonObject telemetry = new JsonObject()
        .put("motion", random.nextDouble() < motionChance(activity))
        .put("temp", temperature(now));
    return new Tick(telemetry, events);
  }

  private static List<JsonObject> transition(Activity from, Activity to) {
    List<JsonObject> events = new ArrayList<>();
    if (from == null || from == to) {
      return events;
    }
    if (from == Activity.SLEEP) {
      events.add(Payloads.event(EventType.BED_EXIT, "bed"));
    }
    if (from == Activity.WALK || to == Activity.WALK) {
      events.add(Payloads.event(EventType.DOOR_OPEN, "front-door"));
      events.add(Payloads.event(EventType.DOOR_CLOSE, "front-door"));
    }
    return events;
  }

  private static double motionChance(Activity activity) {
    return switch (activity) {
      case SLEEP -> 0.05;
      case MEAL -> 0.9;
      case HOME -> 0.6;
      case WALK -> 0.0;
    };
  }

  private double temperature(ZonedDateTime now) {
    double hour = now.getHour() + now.getMinute() / 60.0;
    double t = 20 + warmth + 3 * Math.sin((hour - 9) / 24 * 2 * Math.PI) + random.nextGaussian() * 0.2;
    return Math.round(t * 10) / 10.0;
  }
}
