package org.anxin.infra.mqtt;

import org.anxin.infra.config.ConfigException;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.anxin.infra.mqtt.MqttClients.closeQuietly;
import static org.anxin.infra.mqtt.MqttClients.connect;
import static org.anxin.infra.mqtt.MqttClients.login;
import static org.anxin.infra.mqtt.MqttClients.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The embedded broker chooses its port as configured and keeps sessions across a restart")
class EmbeddedBrokerStartTest {

  private static final String PASSWORD = "test-platform-password";

  @TempDir
  Path data;
  static BrokerFixture fixture;

  @BeforeAll
  static void database() {
    fixture = new BrokerFixture();
  }

  @AfterAll
  static void closeDatabase() {
    fixture.close();
  }

  static ServerSocket holdPort() throws Exception {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @Test
  @DisplayName("a port set in ANXIN_MQTT_PORT that is taken fails the start with one sentence")
  void explicitTakenPortFails() throws Exception {
    try (ServerSocket taken = holdPort()) {
      ConfigException e = assertThrows(ConfigException.class, () -> EmbeddedBroker.start(BrokerFixture.node(data),
          BrokerFixture.mqtt(taken.getLocalPort(), true, PASSWORD), fixture.database));
      assertEquals("ANXIN_MQTT_PORT asks for port " + taken.getLocalPort()
          + " on 127.0.0.1, but another program already listens there.", e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Test
  @DisplayName("a taken default port moves the broker to a free one, whose persistent sessions survive a restart")
  void takenDefaultPortMovesAndSessionsPersist() throws Exception {
    String queued = "{\"id\":\"c1\",\"name\":\"ring\"}";
    int firstPort;
    try (ServerSocket taken = holdPort()) {
      // GIVEN the default port is taken
      MqttOptions options = BrokerFixture.mqtt(taken.getLocalPort(), false, PASSWORD);
      try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerFixture.node(data), options, fixture.database)) {
        // THEN the broker listens elsewhere, and the platform can use it
        firstPort = broker.port();
        assertNotEquals(taken.getLocalPort(), firstPort);
        assertEquals("tcp://127.0.0.1:" + firstPort, broker.url());
        // WHEN a gateway with a persistent session subscribes and goes away, and a message is published meanwhile
        MqttClient gateway = connect(broker.url(), "gateway-1", persistent(), null);
        gateway.subscribe(new MqttSubscription[] {new MqttSubscription("$share/anxin-gateway/anxin/v1/dev/+/+", 1)});
        gateway.disconnect();
        gateway.close();
        MqttClient publisher = connect(broker.url(), BrokerFixture.PLATFORM_USER, PASSWORD);
        publisher.publish("anxin/v1/dev/wb-x/cmd", message(queued, 1));
        closeQuietly(publisher);
      }
    }
    // AND the broker restarts on the same data folder
    MqttOptions sameAgain = BrokerFixture.mqtt(firstPort, true, PASSWORD);
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerFixture.node(data), sameAgain, fixture.database)) {
      Inbox inbox = new Inbox();
      MqttClient gateway = connect(broker.url(), "gateway-1", persistent(), inbox);
      // THEN the gateway's session still holds the message
      assertEquals(new Inbox.Message("anxin/v1/dev/wb-x/cmd", queued), inbox.next());
      assertTrue(gateway.isConnected());
      closeQuietly(gateway);
    }
  }

  static MqttConnectionOptions persistent() {
    MqttConnectionOptions options = login(BrokerFixture.PLATFORM_USER, PASSWORD);
    options.setCleanStart(false);
    options.setSessionExpiryInterval(3600L);
    return options;
  }
}
