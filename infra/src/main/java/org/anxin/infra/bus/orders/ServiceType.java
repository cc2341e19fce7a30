package org.anxin.infra.bus.orders;

/** The services behind 12349 (助餐, 助洁, 助医, 代办) and visits. */
public enum ServiceType {
  MEAL, CLEANING, MEDICAL, ERRAND, VISIT
}
