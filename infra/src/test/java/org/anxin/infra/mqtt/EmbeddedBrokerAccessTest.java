package org.anxin.infra.mqtt;

import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.DeviceType;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.infra.devices.NewDevice;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.anxin.infra.mqtt.MqttClients.closeQuietly;
import static org.anxin.infra.mqtt.MqttClients.connect;
import static org.anxin.infra.mqtt.MqttClients.login;
import static org.anxin.infra.mqtt.MqttClients.message;
import static org.anxin.infra.mqtt.MqttClients.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The embedded broker lets in the platform and registered devices, each on its own topics only")
@ExtendWith(SharedBroker.Resolver.class)
class EmbeddedBrokerAccessTest {

  private static final int BAD_LOGIN = 0x86;
  private static final int NOT_AUTHORIZED = 0x87;
  private static final int CLIENT_ID_NOT_VALID = 0x85;

  static SharedBroker shared;
  static BrokerFixture fixture;
  static DeviceRegistry registry;
  static EmbeddedBroker broker;
  static IssuedSecret a;
  static IssuedSecret b;

  @BeforeAll
  static void registerDevices(SharedBroker sharedBroker) {
    shared = sharedBroker;
    fixture = shared.fixture;
    broker = shared.broker;
    registry = new DeviceRegistry(fixture.database);
    a = registry.add(wristband("wb-a")).await();
    b = registry.add(wristband("wb-b")).await();
  }

  static NewDevice wristband(String id) {
    return new NewDevice(id, DeviceType.WRISTBAND, "AX-1", null, null, 60);
  }

  static String topic(String deviceId, String channel) {
    return "anxin/v1/dev/" + deviceId + "/" + channel;
  }

  MqttClient platform(Inbox inbox) throws MqttException {
    return connect(broker.url(), "gateway-test-" + System.nanoTime(),
        login(broker.platformUser(), broker.platformPassword()), inbox);
  }

  MqttClient device(IssuedSecret device, Inbox inbox) throws MqttException {
    return connect(broker.url(), device.deviceId(), login(device.deviceId(), device.secret()), inbox);
  }

  @Test
  @DisplayName("a shared subscription of the platform receives what a registered device publishes")
  void sharedSubscriptionReceivesDeviceMessages() throws Exception {
    // GIVEN the platform subscribed as the gateways do
    Inbox inbox = new Inbox();
    MqttClient gateway = platform(inbox);
    gateway.subscribe(new MqttSubscription[] {new MqttSubscription("$share/anxin-gateway/anxin/v1/dev/+/+", 1)});
    MqttClient device = device(a, null);
    // WHEN device A publishes telemetry
    device.publish(topic("wb-a", "telemetry"), message("{\"seq\":1}", 1));
    // THEN the platform receives it on A's topic
    assertEquals(new Inbox.Message(topic("wb-a", "telemetry"), "{\"seq\":1}"), inbox.next());
    closeQuietly(device);
    closeQuietly(gateway);
  }

  @Test
  @DisplayName("a device may also connect over TLS, verifying the broker's certificate")
  void deviceOverTls() throws Exception {
    // GIVEN the platform listening on the plain loopback listener
    Inbox inbox = new Inbox();
    MqttClient gateway = platform(inbox);
    gateway.subscribe(new MqttSubscription[] {new MqttSubscription("anxin/v1/dev/wb-a/+", 1)});
    // WHEN device A connects to the TLS listener, trusting the broker's certificate, and publishes
    MqttConnectionOptions options = MqttClients.trusting(login("wb-a", a.secret()), shared.keystore,
        SharedBroker.KEYSTORE_PASSWORD);
    MqttClient device = connect(broker.tlsUrl(), "wb-a", options, null);
    device.publish(topic("wb-a", "status"), message("{\"online\":true}", 1));
    // THEN the platform receives it
    assertTrue(broker.tlsUrl().startsWith("ssl://127.0.0.1:"));
    assertEquals(new Inbox.Message(topic("wb-a", "status"), "{\"online\":true}"), inbox.next());
    closeQuietly(device);
    closeQuietly(gateway);
  }

  @Test
  @DisplayName("a wrong secret, an unknown device, a disabled device and an anonymous client are refused")
  void badLoginsAreRefused() throws Exception {
    // GIVEN a device that is registered but disabled
    IssuedSecret off = registry.add(wristband("wb-off")).await();
    fixture.database.withConnection(c -> c.createStatement()
        .executeUpdate("UPDATE devices SET enabled = false WHERE id = 'wb-off'")).await();
    // WHEN each tries to connect THEN the broker refuses it
    assertEquals(BAD_LOGIN, refusal(broker.url(), "wb-a", login("wb-a", b.secret())));
    assertEquals(BAD_LOGIN, refusal(broker.url(), "wb-none", login("wb-none", a.secret())));
    assertEquals(BAD_LOGIN, refusal(broker.url(), "wb-off", login("wb-off", off.secret())));
    assertEquals(BAD_LOGIN, refusal(broker.url(), "anon", login(null, null)));
    assertEquals(BAD_LOGIN, refusal(broker.url(), "gw", login(broker.platformUser(), "guess")));
  }

  @Test
  @DisplayName("a device must use its id as its client id, so it cannot take over another device's session")
  void clientIdIsTheDeviceId() {
    assertEquals(CLIENT_ID_NOT_VALID, refusal(broker.url(), "wb-b", login("wb-a", a.secret())));
  }

  @Test
  @DisplayName("device A cannot publish on device B's topics: the platform receives nothing of it")
  void deviceCannotPublishAsAnother() throws Exception {
    // GIVEN the platform listening to every device topic, and device A connected
    Inbox inbox = new Inbox();
    MqttClient gateway = platform(inbox);
    gateway.subscribe(new MqttSubscription[] {new MqttSubscription("anxin/v1/dev/+/+", 1)});
    MqttClient device = device(a, null);
    // WHEN A publishes on B's event topic, then on its own
    try {
      device.publish(topic("wb-b", "event"), message("{\"type\":\"SOS\"}", 1));
    } catch (MqttException refused) {
      // HiveMQ answers an unauthorised MQTT 5 publish by disconnecting with reason 0x87 (not authorised)
      assertTrue(refused.getMessage().contains("Not authorized"), refused.getMessage());
    }
    closeQuietly(device);
    device = device(a, null);
    device.publish(topic("wb-a", "event"), message("{\"marker\":true}", 1));
    // THEN the first message the platform sees is A's own: B's topic got nothing in between
    assertEquals(new Inbox.Message(topic("wb-a", "event"), "{\"marker\":true}"), inbox.next());
    closeQuietly(device);
    closeQuietly(gateway);
  }

  @Test
  @DisplayName("device A may subscribe to its own cmd topic but gets a failure reason code for B's")
  void deviceSubscribesOnlyToItsOwnCommands() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient device = device(a, inbox);
    int foreign = subscribeReason(device, topic("wb-b", "cmd"));
    int own = subscribeReason(device, topic("wb-a", "cmd"));
    assertEquals(NOT_AUTHORIZED, foreign);
    assertEquals(1, own);
    // AND the platform's command reaches it
    MqttClient platform = platform(null);
    platform.publish(topic("wb-a", "cmd"), message("{\"id\":\"c1\",\"name\":\"locate\"}", 1));
    assertEquals(topic("wb-a", "cmd"), inbox.next().topic());
    closeQuietly(platform);
    closeQuietly(device);
  }

  static int subscribeReason(MqttClient client, String filter) {
    try {
      return client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}).getReasonCodes()[0];
    } catch (MqttException e) {
      return e.getReasonCode();
    }
  }

  @Test
  @DisplayName("a device's Last Will must be on its own status topic")
  void lastWillOnlyOnOwnStatus() throws Exception {
    MqttConnectionOptions foreignWill = login("wb-a", a.secret());
    foreignWill.setWill(topic("wb-b", "status"), message("{\"online\":false}", 1));
    assertTrue(refusal(broker.url(), "wb-a", foreignWill) >= 0x80);
    MqttConnectionOptions ownWill = login("wb-a", a.secret());
    ownWill.setWill(topic("wb-a", "status"), message("{\"online\":false}", 1));
    closeQuietly(connect(broker.url(), "wb-a", ownWill, null));
  }

  @Test
  @DisplayName("after rotate-secret the old secret is refused and the new one accepted")
  void rotatedSecretReplacesTheOld() throws Exception {
    IssuedSecret old = registry.add(wristband("wb-rot")).await();
    IssuedSecret fresh = registry.rotateSecret("wb-rot").await();
    assertEquals(BAD_LOGIN, refusal(broker.url(), "wb-rot", login("wb-rot", old.secret())));
    closeQuietly(device(fresh, null));
  }
}
