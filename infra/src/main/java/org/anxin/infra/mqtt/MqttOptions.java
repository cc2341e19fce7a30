package org.anxin.infra.mqtt;

import org.anxin.infra.config.Settings;

/**
 * Where the broker is. With no {@code ANXIN_MQTT_URL} the node starts the embedded broker on {@code ANXIN_MQTT_PORT}
 * (and, when a keystore is configured, a TLS listener: {@link MqttTls}) and the platform connects to it with an
 * internal account.
 */
public record MqttOptions(String url, String user, String password, String host, int port, boolean portExplicit,
                          MqttTls tls) {

  public static final String URL = "ANXIN_MQTT_URL";
  public static final String USER = "ANXIN_MQTT_USER";
  public static final String PASSWORD = "ANXIN_MQTT_PASSWORD";
  public static final String HOST = "ANXIN_MQTT_HOST";
  public static final String PORT = "ANXIN_MQTT_PORT";

  /** Options without a TLS listener. */
  public MqttOptions(String url, String user, String password, String host, int port, boolean portExplicit) {
    this(url, user, password, host, port, portExplicit, null);
  }

  public static MqttOptions from(Settings s) {
    return new MqttOptions(s.optional(URL), s.string(USER, "anxin-platform"), s.optional(PASSWORD),
        s.string(HOST, "127.0.0.1"), s.integer(PORT, 1883), s.isSet(PORT), MqttTls.from(s));
  }

  public boolean embedded() {
    return url == null;
  }

  /** The options the platform's own clients use once the embedded broker listens on {@code boundPort}. */
  public MqttOptions connectedTo(String brokerUrl, String platformUser, String platformPassword) {
    return new MqttOptions(brokerUrl, platformUser, platformPassword, host, port, portExplicit, tls);
  }
}
