package org.anxin.gateway.ingest;

import org.anxin.gateway.testing.Await;
import org.anxin.gateway.testing.GatewayHarness;
import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.DeviceType;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.infra.devices.NewDevice;
import org.anxin.infra.mqtt.BrokerFixture;
import org.anxin.infra.mqtt.EmbeddedBroker;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.testing.TestDatabase;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.anxin.gateway.testing.Payloads.telemetry;
import static org.anxin.gateway.testing.Payloads.topic;

/** The default mode's path: a registered device, the embedded broker's device login, the gateway's platform login. */
class EmbeddedBrokerIngestTest {

  @Test
  @DisplayName("verifies that a device registered through DeviceRegistry reaches the database through the embedded broker")
  void ingestsThroughEmbeddedBroker(@TempDir Path dir) throws Exception {
    // GIVEN the embedded broker, a device registered with its secret, and a gateway on the platform account
    try (TestDatabase testDb = TestDatabase.create()) {
      MqttOptions configured = BrokerFixture.mqtt(BrokerFixture.freePort(), false, "platform-secret");
      try (GatewayHarness gateway = new GatewayHarness(testDb.options(), configured);
           EmbeddedBroker broker = EmbeddedBroker.start(BrokerFixture.node(dir), configured, gateway.database)) {
        IssuedSecret device = new DeviceRegistry(gateway.database)
            .add(new NewDevice("emb-1", DeviceType.WRISTBAND, null, null, null, 60)).await();
        gateway.connectTo(broker.clientOptions(configured));
        gateway.start(GatewayHarness.options(Map.of("ANXIN_GATEWAY_DEVICE_REFRESH_MS", "200")));
        // WHEN the device publishes with its own credentials
        MqttClient client = new MqttClient(broker.url(), "emb-1", new MemoryPersistence());
        MqttConnectionOptions login = new MqttConnectionOptions();
        login.setUserName(device.deviceId());
        login.setPassword(device.secret().getBytes(StandardCharsets.UTF_8));
        client.connect(login);
        client.publish(topic("emb-1", "telemetry"), new MqttMessage(
            telemetry("e", 1).getBytes(StandardCharsets.UTF_8), 1, false, null));
        // THEN the reading is stored
        Await.until(Duration.ofSeconds(15), "the device's reading", () -> gateway.count(
            "SELECT count(*) FROM telemetry WHERE device_id = 'emb-1'") == 1);
        client.disconnect();
        client.close();
      }
    }
  }
}
