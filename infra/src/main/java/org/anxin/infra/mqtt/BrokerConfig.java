package org.anxin.infra.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the embedded HiveMQ's {@code config.xml} from {@link BrokerLimits}, rewritten at every start. */
final class BrokerConfig {

  private BrokerConfig() {
  }

  static void write(Path configFolder, String host, int port) {
    String xml = """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
              <name>anxin-mqtt</name>
            </tcp-listener>
          </listeners>
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
        """.formatted(port, host, BrokerLimits.MAX_QUEUED_MESSAGES, BrokerLimits.QUEUE_STRATEGY,
        BrokerLimits.MAX_SESSION_EXPIRY_S, BrokerLimits.MAX_PACKET_SIZE, BrokerLimits.SERVER_RECEIVE_MAXIMUM);
    try {
      Files.createDirectories(configFolder);
      Files.writeString(configFolder.resolve("config.xml"), xml);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the embedded broker's configuration in " + configFolder, e);
    }
  }
}
