package org.anxin.sim.fleet;

import java.util.Locale;

/** The two kinds of device the platform knows (the {@code devices.type} column). */
public enum DeviceType {
  WRISTBAND, HOME_TERMINAL;

  /** Reads a type as written in a credentials file; {@code terminal} is accepted for {@code HOME_TERMINAL}. */
  public static DeviceType parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return "TERMINAL".equals(t) ? HOME_TERMINAL : valueOf(t);
  }
}
