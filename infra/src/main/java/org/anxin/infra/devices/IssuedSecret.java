package org.anxin.infra.devices;

/** A device's secret as issued, once: the caller hands it to the device maker; the platform keeps only hashes. */
public record IssuedSecret(String deviceId, String secret, DeviceType type, Long elderId) {

  @Override
  public String toString() {
    return "IssuedSecret[deviceId=" + deviceId + ", type=" + type + "]";
  }
}
