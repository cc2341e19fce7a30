package org.anxin.infra.mqtt;

import org.anxin.infra.devices.OwnerOnlyFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the embedded HiveMQ's {@code config.xml} from {@link BrokerLimits}, rewritten at every start; readable by
 * its owner only, because it may hold the keystore's password.
 */
final class BrokerConfig {

  private BrokerConfig() {
  }

  /** {@code tls} and {@code tlsPort} describe the TLS listener, or {@code tls} is {@code null} for none. */
  static void write(Path configFolder, String host, int port, MqttTls tls, int tlsPort) {
    String xml = """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
              <name>anxin-mqtt</name>
            </tcp-listener>
        %s  </listeners>
          <mqtt>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>%s</strategy>
            </queued-messages>
            <session-expiry>
              <max-interval>%d</max-interval>
            </session-expiry>
            <shared-subscriptions>
              <enabled>true</enabled>
            </shared-subscriptions>
            <packets>
              <max-packet-size>%d</max-packet-size>
            </packets>
            <receive-maximum>
              <server-receive-maximum>%d</server-receive-maximum>
            </receive-maximum>
          </mqtt>
          <security>
            <allow-empty-client-id>
              <enabled>false</enabled>
            </allow-empty-client-id>
          </security>
          <persistence>
            <mode>file</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """.formatted(port, escape(host), tls == null ? "" : tlsListener(host, tls, tlsPort),
        BrokerLimits.MAX_QUEUED_MESSAGES, BrokerLimits.QUEUE_STRATEGY, BrokerLimits.MAX_SESSION_EXPIRY_S,
        BrokerLimits.MAX_PACKET_SIZE, BrokerLimits.SERVER_RECEIVE_MAXIMUM);
    try {
      OwnerOnlyFiles.write(configFolder.resolve("config.xml"), xml);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the embedded broker's configuration in " + configFolder, e);
    }
  }

  /** TLS 1.2 and 1.3 only; devices present no client certificate, they log in with their secret. */
  private static String tlsListener(String host, MqttTls tls, int tlsPort) {
    return """
            <tls-tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
              <name>anxin-mqtt-tls</name>
              <tls>
                <keystore>
                  <path>%s</path>
                  <password>%s</password>
                  <private-key-password>%s</private-key-password>
                </keystore>
                <protocols>
                  <protocol>TLSv1.3</protocol>
                  <protocol>TLSv1.2</protocol>
                </protocols>
              </tls>
            </tls-tcp-listener>
        """.formatted(tlsPort, escape(host), escape(tls.keystore().toString()), escape(tls.password()),
        escape(tls.password()));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
