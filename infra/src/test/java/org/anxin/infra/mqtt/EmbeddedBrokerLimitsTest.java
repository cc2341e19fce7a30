package org.anxin.infra.mqtt;

import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.IssuedSecret;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.anxin.infra.mqtt.EmbeddedBrokerAccessTest.topic;
import static org.anxin.infra.mqtt.EmbeddedBrokerAccessTest.wristband;
import static org.anxin.infra.mqtt.MqttClients.closeQuietly;
import static org.anxin.infra.mqtt.MqttClients.connect;
import static org.anxin.infra.mqtt.MqttClients.login;
import static org.anxin.infra.mqtt.MqttClients.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("The embedded broker applies its limits: packet size, a device's queue, the gateways' queue")
@ExtendWith(SharedBroker.Resolver.class)
class EmbeddedBrokerLimitsTest {

  static EmbeddedBroker broker;
  static IssuedSecret device;

  @BeforeAll
  static void registerDevice(SharedBroker shared) {
    broker = shared.broker;
    device = new DeviceRegistry(shared.fixture.database).add(wristband("wb-limits")).await();
  }

  static MqttConnectionOptions persistent(String user, String password) {
    MqttConnectionOptions options = login(user, password);
    options.setCleanStart(false);
    options.setSessionExpiryInterval(3600L);
    return options;
  }

  MqttClient deviceClient(MqttConnectionOptions options, Inbox inbox) throws MqttException {
    return connect(broker.url(), device.deviceId(), options, inbox);
  }

  @Test
  @DisplayName("a payload somewhat over 4 KiB still reaches the platform; a 64 KiB packet is refused")
  void packetSize() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient platform = connect(broker.url(), "limits-platform",
        login(broker.platformUser(), broker.platformPassword()), inbox);
    platform.subscribe(new MqttSubscription[] {new MqttSubscription("anxin/v1/dev/wb-limits/+", 1)});
    MqttClient sender = deviceClient(login(device.deviceId(), device.secret()), null);
    String fiveKiB = "x".repeat(5 * 1024);
    sender.publish(topic("wb-limits", "telemetry"), message(fiveKiB, 1));
    assertEquals(fiveKiB, inbox.next().payload());
    assertThrows(MqttException.class,
        () -> sender.publish(topic("wb-limits", "telemetry"), message("x".repeat(64 * 1024), 1)));
    closeQuietly(sender);
    MqttClient again = deviceClient(login(device.deviceId(), device.secret()), null);
    again.publish(topic("wb-limits", "telemetry"), message("after", 1));
    assertEquals("after", inbox.next().payload());
    closeQuietly(again);
    closeQuietly(platform);
  }

  @Test
  @DisplayName("a device away keeps its newest 100 commands; older ones are dropped")
  void deviceQueueKeepsTheNewestHundred() throws Exception {
    // GIVEN the device subscribed with a persistent session and went away
    MqttClient away = deviceClient(persistent(device.deviceId(), device.secret()), null);
    away.subscribe(new MqttSubscription[] {new MqttSubscription(topic("wb-limits", "cmd"), 1)});
    away.disconnect();
    away.close();
    // WHEN the platform sends it 150 commands
    MqttClient platform = connect(broker.url(), broker.platformUser(), broker.platformPassword());
    for (int i = 0; i < 150; i++) {
      platform.publish(topic("wb-limits", "cmd"), message(String.valueOf(i), 1));
    }
    closeQuietly(platform);
    // THEN on its return it gets commands 50 to 149, in order
    Inbox inbox = new Inbox();
    MqttClient back = deviceClient(persistent(device.deviceId(), device.secret()), inbox);
    assertEquals("50", inbox.next().payload());
    for (int i = 51; i < 149; i++) {
      inbox.next();
    }
    assertEquals("149", inbox.next().payload());
    back.unsubscribe(topic("wb-limits", "cmd"));
    closeQuietly(back);
  }

  @Test
  @DisplayName("the gateways' shared queue holds more than the brokers' default of 1,000 while they are away")
  void sharedQueueOutlastsTheDefault() throws Exception {
    // GIVEN a gateway with a persistent session on the shared subscription, gone away
    MqttConnectionOptions gatewayLogin = persistent(broker.platformUser(), broker.platformPassword());
    MqttClient gateway = connect(broker.url(), "limits-gateway", gatewayLogin, null);
    gateway.subscribe(new MqttSubscription[] {new MqttSubscription("$share/limits/anxin/v1/dev/wb-limits/+", 1)});
    gateway.disconnect();
    gateway.close();
    // WHEN the device publishes 1,200 messages meanwhile
    MqttClient sender = deviceClient(login(device.deviceId(), device.secret()), null);
    for (int i = 0; i < 1_200; i++) {
      sender.publish(topic("wb-limits", "telemetry"), message(String.valueOf(i), 1));
    }
    closeQuietly(sender);
    // THEN the returning gateway receives all of them, the first and the last included
    Inbox inbox = new Inbox();
    MqttClient back = connect(broker.url(), "limits-gateway", gatewayLogin, inbox);
    assertEquals("0", inbox.next().payload());
    for (int i = 1; i < 1_199; i++) {
      inbox.next();
    }
    assertEquals("1199", inbox.next().payload());
    back.unsubscribe("$share/limits/anxin/v1/dev/wb-limits/+");
    closeQuietly(back);
  }
}
