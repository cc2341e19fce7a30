package org.anxin.infra.alarm;

/**
 * The alarm types of DESIGN.md "Alarms", each with its default priority and whether it closes when its cause clears.
 */
public enum AlarmType {
  SOS(1, false),
  FALL(1, false),
  SMOKE(1, false),
  GAS(1, false),
  FENCE_EXIT(2, false),
  WATER_LEAK(2, false),
  NIGHT_DOOR(2, false),
  INACTIVITY(2, false),
  HEART_RATE(2, false),
  STRAP_OFF(3, true),
  LOW_BATTERY(3, true),
  DEVICE_OFFLINE(3, true),
  AREA_OUTAGE(2, true);

  private final int defaultPriority;
  private final boolean selfClosing;

  AlarmType(int defaultPriority, boolean selfClosing) {
    this.defaultPriority = defaultPriority;
    this.selfClosing = selfClosing;
  }

  public int defaultPriority() {
    return defaultPriority;
  }

  /** Whether the alarm is resolved by itself when its condition clears; the others wait for a person. */
  public boolean selfClosing() {
    return selfClosing;
  }
}
