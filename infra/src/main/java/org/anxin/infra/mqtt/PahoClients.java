package org.anxin.infra.mqtt;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.nio.charset.StandardCharsets;

/**
 * Builds the platform's Paho MQTT 5 clients from {@link MqttOptions}: where the broker is, the platform's own
 * account, and reconnecting by itself. Callers add what is theirs (session, receive maximum) to the options.
 */
public final class PahoClients {

  private PahoClients() {
  }

  /** {@code ANXIN_MQTT_URL} when set, else the embedded broker's {@code tcp://host:port}. */
  public static String serverUri(MqttOptions options) {
    return options.url() != null ? options.url() : "tcp://" + options.host() + ":" + options.port();
  }

  /** Connection options with the platform's credentials and automatic reconnection (1 s to 30 s). */
  public static MqttConnectionOptions connectionOptions(MqttOptions options) {
    MqttConnectionOptions connect = new MqttConnectionOptions();
    connect.setServerURIs(new String[] {serverUri(options)});
    if (options.user() != null && options.password() != null) {
      connect.setUserName(options.user());
      connect.setPassword(options.password().getBytes(StandardCharsets.UTF_8));
    }
    connect.setAutomaticReconnect(true);
    connect.setAutomaticReconnectDelay(1, 30);
    connect.setKeepAliveInterval(30);
    connect.setConnectionTimeout(10);
    return connect;
  }

  /**
   * An asynchronous client; its outbound state is kept in memory because the platform's QoS 1 traffic is either
   * acknowledged to a peer or resent by the broker after a restart.
   */
  public static MqttAsyncClient asyncClient(MqttOptions options, String clientId) throws MqttException {
    return new MqttAsyncClient(serverUri(options), clientId, new MemoryPersistence());
  }
}
