package org.anxin.sim.fleet;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.behaviour.SimClock;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.Command;
import org.anxin.sim.protocol.Payloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What every simulated device does: announce itself online on each connection, report every {@code interval}
 * simulated seconds on a shared timer, and obey {@code set_interval} (answering every command on {@code reply}).
 */
public abstract class SimulatedDevice {

  public static final String FIRMWARE = "anxin-sim-1.0";

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevice.class);

  protected final DeviceLink link;
  protected final SimClock clock;
  private final ScheduledExecutorService timer;
  private volatile int intervalS;
  private ScheduledFuture<?> reports;

  protected SimulatedDevice(DeviceLink link, SimClock clock, ScheduledExecutorService timer, int intervalS) {
    this.link = link;
    this.clock = clock;
    this.timer = timer;
    this.intervalS = intervalS;
    link.onConnected(this::announce);
  }

  /** Connects, subscribes to commands and starts reporting, the first report after {@code firstDelayFraction} of
   *  an interval so that a fleet's reports spread over time. */
  public CompletableFuture<Void> start(double firstDelayFraction) {
    return link.connect().thenRun(() -> schedule((long) (clock.wallMillis(intervalS) * firstDelayFraction)));
  }

  public CompletableFuture<Void> stop() {
    synchronized (this) {
      if (reports != null) {
        reports.cancel(false);
      }
    }
    return link.disconnect();
  }

  public DeviceLink link() {
    return link;
  }

  public int intervalSeconds() {
    return intervalS;
  }

  /** The battery level the status message carries. */
  protected abstract int battery();

  /** One periodic report. */
  protected abstract void report();

  /** A command other than {@code set_interval}; returns the reply. */
  protected abstract JsonObject handle(Command command);

  private void announce() {
    link.subscribeCommands(this::onCommand);
    link.publish(Channel.STATUS, Payloads.onlineStatus(battery(), FIRMWARE, intervalS));
  }

  private synchronized void schedule(long firstDelayMs) {
    if (reports != null) {
      reports.cancel(false);
    }
    long period = clock.wallMillis(intervalS);
    reports = timer.scheduleAtFixedRate(this::safeReport, firstDelayMs, period, TimeUnit.MILLISECONDS);
  }

  private void safeReport() {
    try {
      report();
    } catch (RuntimeException e) {
      LOG.warn("{} could not report: {}", link.device().deviceId(), e.toString());
    }
  }

  private void onCommand(Command command) {
    JsonObject reply = Command.SET_INTERVAL.equals(command.name()) ? setInterval(command) : handle(command);
    link.publish(Channel.REPLY, reply);
  }

  private JsonObject setInterval(Command command) {
    Integer seconds = command.args().getInteger("seconds", command.args().getInteger("interval"));
    if (seconds == null || seconds < 5 || seconds > 86_400) {
      return Payloads.reply(command.id(), false, "set_interval needs args.seconds between 5 and 86400");
    }
    intervalS = seconds;
    schedule(clock.wallMillis(seconds));
    link.publish(Channel.STATUS, Payloads.onlineStatus(battery(), FIRMWARE, seconds));
    return Payloads.reply(command.id(), true, "interval " + seconds + " s");
  }
}
