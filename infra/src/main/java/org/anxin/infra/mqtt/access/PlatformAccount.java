package org.anxin.infra.mqtt.access;

import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.security.SecretHasher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The platform's own login on the embedded broker ({@code ANXIN_MQTT_USER}, {@code ANXIN_MQTT_PASSWORD}). With no
 * password configured a random one is made at each start: only this process's own clients need it.
 */
public record PlatformAccount(String user, String password) {

  public static PlatformAccount from(MqttOptions mqtt) {
    return new PlatformAccount(mqtt.user(), mqtt.password() != null ? mqtt.password() : SecretHasher.newSecret());
  }

  /** Compares in constant time, so the answer's timing tells nothing about the password. */
  public boolean matches(String userName, String secret) {
    return user.equals(userName) && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
        secret.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "PlatformAccount[user=" + user + "]";
  }
}
