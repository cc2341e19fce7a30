package org.anxin.infra.mqtt.access;

import org.anxin.infra.devices.DeviceLogin;
import org.anxin.infra.security.SecretHasher;

import java.util.Optional;

/** What a device's login attempt comes to; every refusal is logged with its reason, never with the secret. */
enum LoginVerdict {
  ACCEPTED,
  UNKNOWN_DEVICE,
  DISABLED,
  WRONG_SECRET;

  static LoginVerdict of(Optional<DeviceLogin> login, String secret) {
    if (login.isEmpty()) {
      return UNKNOWN_DEVICE;
    }
    if (!login.get().enabled()) {
      return DISABLED;
    }
    return SecretHasher.matches(secret, login.get().secretHash()) ? ACCEPTED : WRONG_SECRET;
  }
}
