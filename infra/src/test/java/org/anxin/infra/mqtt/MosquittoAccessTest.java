package org.anxin.infra.mqtt;

import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.DeviceType;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.infra.devices.MosquittoPasswordFile;
import org.anxin.infra.devices.NewDevice;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.anxin.infra.mqtt.MqttClients.closeQuietly;
import static org.anxin.infra.mqtt.MqttClients.connect;
import static org.anxin.infra.mqtt.MqttClients.login;
import static org.anxin.infra.mqtt.MqttClients.message;
import static org.anxin.infra.mqtt.MqttClients.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A Mosquitto from infra/deploy/mosquitto with the exported password file applies the device rules")
class MosquittoAccessTest {

  private static final String PLATFORM_PASSWORD = "mosquitto-platform-password";
  private static final int NOT_AUTHORIZED = 0x87;

  @TempDir
  static Path dir;
  static BrokerFixture fixture;
  static PrivateMosquitto mosquitto;
  static IssuedSecret a;

  @BeforeAll
  static void start() throws Exception {
    fixture = new BrokerFixture();
    DeviceRegistry registry = new DeviceRegistry(fixture.database);
    a = registry.add(new NewDevice("wb-a", DeviceType.WRISTBAND, "AX-1", null, null, 60)).await();
    registry.add(new NewDevice("wb-b", DeviceType.WRISTBAND, "AX-1", null, null, 60)).await();
    Path passwd = MosquittoPasswordFile.write(dir, registry.brokerHashes().await(), BrokerFixture.PLATFORM_USER,
        PLATFORM_PASSWORD);
    mosquitto = PrivateMosquitto.start(dir, passwd);
  }

  @AfterAll
  static void stop() throws Exception {
    mosquitto.close();
    fixture.close();
  }

  static String topic(String deviceId, String channel) {
    return "anxin/v1/dev/" + deviceId + "/" + channel;
  }

  MqttClient gateway(Inbox inbox) throws MqttException {
    MqttClient gateway = connect(mosquitto.url(), "gateway-" + System.nanoTime(),
        login(BrokerFixture.PLATFORM_USER, PLATFORM_PASSWORD), inbox);
    gateway.subscribe(new MqttSubscription[] {new MqttSubscription("$share/anxin-gateway/anxin/v1/dev/+/+", 1)});
    return gateway;
  }

  @Test
  @DisplayName("device A publishes on its own topics, and its publish on B's topic never reaches the platform")
  void deviceAPublishesOnlyAsItself() throws Exception {
    // GIVEN the platform's shared subscription and device A logged in with its exported credentials
    Inbox inbox = new Inbox();
    MqttClient gateway = gateway(inbox);
    MqttClient device = connect(mosquitto.url(), "wb-a", login("wb-a", a.secret()), null);
    // WHEN A publishes as B, then as itself
    try {
      device.publish(topic("wb-b", "telemetry"), message("{\"forged\":true}", 1));
    } catch (MqttException refused) {
      assertEquals(NOT_AUTHORIZED, refused.getReasonCode());
    }
    device.publish(topic("wb-a", "telemetry"), message("{\"own\":true}", 1));
    // THEN the platform's first message is A's own: the forged one was dropped
    assertEquals(new Inbox.Message(topic("wb-a", "telemetry"), "{\"own\":true}"), inbox.next());
    closeQuietly(device);
    closeQuietly(gateway);
  }

  @Test
  @DisplayName("device A receives its own commands but never B's, even when it subscribes to them")
  void deviceAReceivesOnlyItsOwnCommands() throws Exception {
    // GIVEN device A subscribed to B's commands and to its own (Mosquitto's ACL grants any subscription and checks
    // each message when it is delivered)
    Inbox inbox = new Inbox();
    MqttClient device = connect(mosquitto.url(), "wb-a", login("wb-a", a.secret()), inbox);
    device.subscribe(new MqttSubscription[] {new MqttSubscription(topic("wb-b", "cmd"), 1)});
    device.subscribe(new MqttSubscription[] {new MqttSubscription(topic("wb-a", "cmd"), 1)});
    // WHEN the platform sends a command to B, then one to A
    MqttClient platform = connect(mosquitto.url(), BrokerFixture.PLATFORM_USER, PLATFORM_PASSWORD);
    platform.publish(topic("wb-b", "cmd"), message("{\"id\":\"for-b\"}", 1));
    platform.publish(topic("wb-a", "cmd"), message("{\"id\":\"for-a\"}", 1));
    // THEN the first command A receives is its own
    assertEquals(new Inbox.Message(topic("wb-a", "cmd"), "{\"id\":\"for-a\"}"), inbox.next());
    closeQuietly(platform);
    closeQuietly(device);
  }

  @Test
  @DisplayName("a device's Last Will on another device's topic is never delivered; one on its own status is")
  void foreignLastWillIsDropped() throws Exception {
    // GIVEN the platform's shared subscription
    Inbox inbox = new Inbox();
    MqttClient gateway = gateway(inbox);
    // WHEN device A drops its connection with a will on B's status, then again with a will on its own
    dropWithWill(topic("wb-b", "status"), "{\"online\":false,\"forged\":true}");
    dropWithWill(topic("wb-a", "status"), "{\"online\":false}");
    // THEN the first will the platform sees is A's own (Mosquitto accepts the connection but drops the forged will)
    assertEquals(new Inbox.Message(topic("wb-a", "status"), "{\"online\":false}"), inbox.next());
    closeQuietly(gateway);
  }

  private static void dropWithWill(String willTopic, String will) throws Exception {
    MqttConnectionOptions options = login("wb-a", a.secret());
    options.setWill(willTopic, message(will, 1));
    MqttClient device = connect(mosquitto.url(), "wb-a", options, null);
    device.disconnectForcibly(0, 1000, false);
    device.close();
  }

  @Test
  @DisplayName("a wrong secret and an anonymous client are refused")
  void badLoginsAreRefused() {
    // Mosquitto answers both with "not authorised" (0x87)
    assertEquals(NOT_AUTHORIZED, refusal(mosquitto.url(), "wb-a", login("wb-a", "not-the-secret")));
    assertEquals(NOT_AUTHORIZED, refusal(mosquitto.url(), "anon", login(null, null)));
  }
}
