package org.anxin.infra.mqtt;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Paho MQTT 5 clients for tests: connected with a login, or the reason code a broker refused them with. */
public final class MqttClients {

  private MqttClients() {
  }

  public static MqttConnectionOptions login(String user, String password) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(5);
    if (user != null) {
      options.setUserName(user);
    }
    if (password != null) {
      options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    }
    return options;
  }

  /** {@code options} trusting only the certificate in {@code keystore} (PKCS12). */
  public static MqttConnectionOptions trusting(MqttConnectionOptions options, Path keystore, String password)
      throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, password.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    options.setSocketFactory(tls.getSocketFactory());
    return options;
  }

  public static MqttClient connect(String url, String clientId, MqttConnectionOptions options, Inbox inbox)
      throws MqttException {
    MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
    if (inbox != null) {
      client.setCallback(inbox);
    }
    client.connect(options);
    return client;
  }

  public static MqttClient connect(String url, String user, String password) throws MqttException {
    return connect(url, user, login(user, password), null);
  }

  /** The CONNACK reason code of a refused connection; fails the test if the broker let the client in. */
  public static int refusal(String url, String clientId, MqttConnectionOptions options) {
    try {
      MqttClient client = connect(url, clientId, options, null);
      client.disconnect();
      client.close();
    } catch (MqttException e) {
      return e.getReasonCode();
    }
    throw new AssertionError("the broker let " + clientId + " in");
  }

  public static MqttMessage message(String payload, int qos) {
    MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    m.setQos(qos);
    return m;
  }

  /**
   * Publishes and waits for the acknowledgement. Paho's blocking publish can return before its in-flight counter has
   * dropped, so a tight loop of them may be refused locally with "too many publishes in progress" (32202) although
   * nothing is outstanding at the broker: such a publish is tried again after a moment.
   */
  public static void publishAcked(MqttClient client, String topic, MqttMessage message) throws MqttException {
    for (int attempt = 0; ; attempt++) {
      try {
        client.publish(topic, message);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt >= 100) {
          throw e;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Disconnects with bounded waits: a plain disconnect waits forever for its token when the broker drops the
   * connection at the same moment (as after a refused publish).
   */
  public static void closeQuietly(MqttClient client) {
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(1_000, 2_000);
      }
      client.close();
    } catch (MqttException e) {
      // the broker may already have closed the connection
    }
  }
}
