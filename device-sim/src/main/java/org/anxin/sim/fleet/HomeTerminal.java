package org.anxin.sim.fleet;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.behaviour.SimClock;
import org.anxin.sim.behaviour.TerminalBehaviour;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.Command;
import org.anxin.sim.protocol.Payloads;

import java.util.concurrent.ScheduledExecutorService;

/** A simulated home terminal: its heartbeat telemetry (motion, temperature) and door and bed events. */
public final class HomeTerminal extends SimulatedDevice {

  /** Mains powered, with a backup cell that stays full. */
  private static final int BATTERY = 100;

  private final TerminalBehaviour home;

  public HomeTerminal(DeviceLink link, SimClock clock, ScheduledExecutorService timer, int intervalS,
                      TerminalBehaviour home) {
    super(link, clock, timer, intervalS);
    this.home = home;
  }

  @Override
  protected int battery() {
    return BATTERY;
  }

  @Override
  protected void report() {
    TerminalBehaviour.Tick tick;
    synchronized (this) {
      tick = home.next(clock.localNow());
    }
    tick.events().forEach(event -> link.publish(Channel.EVENT, event));
    link.publish(Channel.TELEMETRY, tick.telemetry());
  }

  @Override
  protected JsonObject handle(Command command) {
    return switch (command.name()) {
      case Command.RING -> Payloads.reply(command.id(), true, "ring done");
      default -> Payloads.reply(command.id(), false, command.name() + " is not supported by a home terminal");
    };
  }
}
