package org.anxin.sim.protocol;

/** Event types of device protocol v1. */
public enum EventType {
  SOS, FALL, SMOKE, GAS, WATER_LEAK, DOOR_OPEN, DOOR_CLOSE, PULL_CORD, BED_EXIT, STRAP_OFF
}
