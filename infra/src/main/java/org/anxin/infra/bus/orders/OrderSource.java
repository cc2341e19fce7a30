package org.anxin.infra.bus.orders;

/** Where an order came from. */
public enum OrderSource {
  IVR, OPERATOR, FAMILY, SCHEDULE, ALARM
}
