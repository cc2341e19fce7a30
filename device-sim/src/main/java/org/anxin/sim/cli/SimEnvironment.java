package org.anxin.sim.cli;

import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;

import java.time.ZoneId;

/** The platform settings the simulator shares: the local time zone of daily rhythms ({@code ANXIN_TIMEZONE}). */
public final class SimEnvironment {

  private SimEnvironment() {
  }

  public static ZoneId zone() {
    return NodeOptions.from(Settings.fromMap(System.getenv())).timezone();
  }
}
