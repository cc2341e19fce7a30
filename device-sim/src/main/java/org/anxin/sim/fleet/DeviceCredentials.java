package org.anxin.sim.fleet;

/** One device as the credentials file lists it; {@code elderId} is null for a household's terminal without one. */
public record DeviceCredentials(String deviceId, String secret, DeviceType type, Long elderId) {

  public boolean isWristband() {
    return type == DeviceType.WRISTBAND;
  }
}
