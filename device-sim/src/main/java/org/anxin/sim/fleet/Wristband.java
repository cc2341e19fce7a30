package org.anxin.sim.fleet;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.behaviour.SimClock;
import org.anxin.sim.behaviour.WristbandBehaviour;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.Command;
import org.anxin.sim.protocol.Fix;
import org.anxin.sim.protocol.Payloads;

import java.util.concurrent.ScheduledExecutorService;

/** A simulated anti-wandering wristband: telemetry from its wearer's day, {@code locate} answered with a fix. */
public final class Wristband extends SimulatedDevice {

  private final WristbandBehaviour person;

  public Wristband(DeviceLink link, SimClock clock, ScheduledExecutorService timer, int intervalS,
                   WristbandBehaviour person) {
    super(link, clock, timer, intervalS);
    this.person = person;
  }

  @Override
  protected synchronized int battery() {
    return person.battery();
  }

  @Override
  protected void report() {
    JsonObject reading;
    synchronized (this) {
      reading = person.next(clock.localNow());
    }
    link.publish(Channel.TELEMETRY, reading);
  }

  @Override
  protected JsonObject handle(Command command) {
    return switch (command.name()) {
      case Command.LOCATE -> locate(command);
      case Command.RING, Command.SET_FENCE -> Payloads.reply(command.id(), true, command.name() + " done");
      default -> Payloads.reply(command.id(), false, "unknown command " + command.name());
    };
  }

  private JsonObject locate(Command command) {
    Fix fix;
    synchronized (this) {
      fix = person.locate(clock.localNow());
    }
    link.publish(Channel.TELEMETRY, Payloads.fix(fix).put("bat", battery()));
    return Payloads.reply(command.id(), true, fix.lat() + "," + fix.lon() + " ±" + (int) fix.acc() + " m");
  }
}
