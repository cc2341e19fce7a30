package org.anxin.gateway.ingest;

import org.anxin.gateway.testing.GatewayHarness;
import org.anxin.infra.config.Settings;
import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.DeviceType;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.infra.devices.MosquittoPasswordFile;
import org.anxin.infra.devices.NewDevice;
import org.anxin.infra.mqtt.BrokerFixture;
import org.anxin.infra.mqtt.EmbeddedBroker;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.infra.testing.Await;
import org.anxin.infra.testing.TestDatabase;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.anxin.gateway.testing.Payloads.telemetry;
import static org.anxin.gateway.testing.Payloads.topic;
import static org.anxin.infra.mqtt.MqttClients.closeQuietly;
import static org.anxin.infra.mqtt.MqttClients.connect;
import static org.anxin.infra.mqtt.MqttClients.login;
import static org.anxin.infra.mqtt.MqttClients.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Device A's credentials cannot publish as device B: checked in the database the gateway writes, not by the PUBACK,
 * on both brokers a deployment may use.
 */
class SpoofedDeviceTest {

  private static final String A = "spoof-a";
  private static final String B = "spoof-b";
  private static final String PLATFORM_PASSWORD = "spoof-platform-password";

  @Test
  @DisplayName("verifies that device A's credentials store nothing as device B through the embedded broker")
  void embeddedBrokerDropsSpoofedPublish(@TempDir Path dir) throws Exception {
    // GIVEN the embedded broker, devices A and B registered, and the gateway on the platform account
    try (TestDatabase testDb = TestDatabase.create()) {
      MqttOptions configured = BrokerFixture.mqtt(BrokerFixture.freePort(), false, PLATFORM_PASSWORD);
      try (GatewayHarness gateway = new GatewayHarness(testDb.options(), configured);
           EmbeddedBroker broker = EmbeddedBroker.start(BrokerFixture.node(dir), configured, gateway.database)) {
        IssuedSecret a = registerBoth(new DeviceRegistry(gateway.database));
        gateway.connectTo(broker.clientOptions(configured));
        startGateway(gateway);
        // WHEN A publishes a valid reading on B's topic, then a marker on its own
        spoofThenMark(broker.url(), a);
        // THEN A's marker is stored and nothing is stored for B
        assertNothingStoredForB(gateway);
      }
    }
  }

  @Test
  @DisplayName("verifies that device A's credentials store nothing as device B through a Mosquitto from deploy/mosquitto")
  void mosquittoDropsSpoofedPublish(@TempDir Path dir) throws Exception {
    // GIVEN a private Mosquitto with the deployment's ACL and the password file exported from the registry, devices
    // A and B registered, and the gateway on the platform account the ACL grants
    try (TestDatabase testDb = TestDatabase.create();
         GatewayHarness gateway = new GatewayHarness(testDb.options(), "tcp://127.0.0.1:1")) {
      DeviceRegistry registry = new DeviceRegistry(gateway.database);
      IssuedSecret a = registerBoth(registry);
      Path passwd = MosquittoPasswordFile.write(dir, registry.brokerHashes().await(), BrokerFixture.PLATFORM_USER,
          PLATFORM_PASSWORD);
      try (PrivateMosquitto mosquitto = PrivateMosquitto.start(dir, passwd)) {
        gateway.connectTo(MqttOptions.from(Settings.fromMap(Map.of()))
            .connectedTo(mosquitto.url(), BrokerFixture.PLATFORM_USER, PLATFORM_PASSWORD));
        startGateway(gateway);
        // WHEN A publishes a valid reading on B's topic, then a marker on its own
        spoofThenMark(mosquitto.url(), a);
        // THEN A's marker is stored and nothing is stored for B
        assertNothingStoredForB(gateway);
        gateway.stop();
      }
    }
  }

  private static IssuedSecret registerBoth(DeviceRegistry registry) {
    IssuedSecret a = registry.add(new NewDevice(A, DeviceType.WRISTBAND, null, null, null, 60)).await();
    registry.add(new NewDevice(B, DeviceType.WRISTBAND, null, null, null, 60)).await();
    return a;
  }

  private static void startGateway(GatewayHarness gateway) {
    gateway.start(GatewayHarness.options(Map.of("ANXIN_GATEWAY_DEVICE_REFRESH_MS", "200")));
  }

  /**
   * A's spoofed reading on B's topic, then A's own marker on a fresh connection: a broker may refuse the spoofed
   * publish or drop A's connection, and both are accepted here because only the database decides.
   */
  private static void spoofThenMark(String url, IssuedSecret a) throws MqttException {
    MqttClient spoofer = connect(url, A, login(A, a.secret()), null);
    try {
      spoofer.publish(topic(B, "telemetry"), message(telemetry("spoof", 1), 1));
    } catch (MqttException refusedOrDisconnected) {
      // either answer is a refusal; the database check below is what the test is about
    }
    closeQuietly(spoofer);
    MqttClient device = connect(url, A, login(A, a.secret()), null);
    device.publish(topic(A, "telemetry"), message(telemetry("own", 1), 1));
    closeQuietly(device);
  }

  private static void assertNothingStoredForB(GatewayHarness gateway) {
    Await.until(Duration.ofSeconds(15), "A's own marker reading", () -> gateway.count(
        "SELECT count(*) FROM telemetry WHERE device_id = '" + A + "'") == 1);
    assertEquals(0, gateway.count("SELECT count(*) FROM telemetry WHERE device_id = '" + B + "'"), "telemetry");
    assertEquals(0, gateway.count("SELECT count(*) FROM device_events WHERE device_id = '" + B + "'"),
        "device_events");
    assertEquals(0, gateway.count("SELECT count(*) FROM rejected_messages WHERE device_id = '" + B
        + "' OR topic LIKE '%/" + B + "/%'"), "rejected_messages");
  }
}
