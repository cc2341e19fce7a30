package org.anxin.infra.devices;

/** A wristband belongs to an elder, a home terminal to a household. */
public enum DeviceType {
  WRISTBAND,
  HOME_TERMINAL
}
