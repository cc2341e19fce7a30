package org.anxin.infra.mqtt;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded broker's TLS listener, present when {@code ANXIN_MQTT_TLS_KEYSTORE} names a keystore (PKCS12 or JKS)
 * with the server's certificate and key. Its port follows the same rules as the plain one: when
 * {@code ANXIN_MQTT_TLS_PORT} is unset and 8883 is taken a free port is used; when it is set and taken the start
 * fails.
 */
public record MqttTls(Path keystore, String password, int port, boolean portExplicit) {

  public static final String KEYSTORE = "ANXIN_MQTT_TLS_KEYSTORE";
  public static final String KEYSTORE_PASSWORD = "ANXIN_MQTT_TLS_KEYSTORE_PASSWORD";
  public static final String PORT = "ANXIN_MQTT_TLS_PORT";
  public static final int DEFAULT_PORT = 8883;

  /** The TLS settings, or {@code null} when no keystore is configured. */
  public static MqttTls from(Settings s) {
    String keystore = s.optional(KEYSTORE);
    if (keystore == null) {
      return null;
    }
    return new MqttTls(Path.of(keystore).toAbsolutePath(), s.string(KEYSTORE_PASSWORD, ""),
        s.integer(PORT, DEFAULT_PORT), s.isSet(PORT));
  }

  /** Fails with one sentence when the keystore cannot be read; checked when the broker starts. */
  void checkReadable() {
    if (!Files.isReadable(keystore)) {
      throw new ConfigException(KEYSTORE + " names " + keystore + ", which is not a readable file.");
    }
  }

  @Override
  public String toString() {
    return "MqttTls[keystore=" + keystore + ", port=" + port + "]";
  }
}
