package org.anxin.sim.cli;

import org.anxin.infra.config.Settings;

import java.time.ZoneId;

/** The platform settings the simulator shares: the local time zone of daily rhythms ({@code ANXIN_TIMEZONE}). */
public final class SimEnvironment {

  public static final String TIMEZONE = "ANXIN_TIMEZONE";

  private SimEnvironment() {
  }

  public static ZoneId zone() {
    return ZoneId.of(Settings.fromMap(System.getenv()).string(TIMEZONE, "Asia/Shanghai"));
  }
}
