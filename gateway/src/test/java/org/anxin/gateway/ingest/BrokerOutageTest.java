package org.anxin.gateway.ingest;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.anxin.gateway.alarm.AlarmRules;
import org.anxin.gateway.alarm.AlarmRulesOptions;
import org.anxin.gateway.testing.GatewayHarness;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.DeviceCommand;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.DeviceType;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.infra.devices.NewDevice;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.mqtt.BrokerFixture;
import org.anxin.infra.mqtt.EmbeddedBroker;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.testing.Await;
import org.anxin.infra.testing.TestDatabase;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.anxin.gateway.testing.Payloads.telemetry;
import static org.anxin.gateway.testing.Payloads.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway and its broker (the embedded one, on a fixed port): the broker late at start, and restarted. */
@DisplayName("The gateway rides out its broker: down when the gateway starts, and restarted under a stream")
class BrokerOutageTest {

  private static final String PASSWORD = "platform-secret";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;
  private TestDatabase testDb;
  private MqttOptions configured;
  private GatewayHarness gateway;

  @BeforeEach
  void gatewayWithoutBroker() {
    testDb = TestDatabase.create();
    int port = BrokerFixture.freePort();
    configured = BrokerFixture.mqtt(port, true, PASSWORD);
    gateway = new GatewayHarness(testDb.options(),
        configured.connectedTo("tcp://127.0.0.1:" + port, BrokerFixture.PLATFORM_USER, PASSWORD));
  }

  @AfterEach
  void close() {
    gateway.close();
    testDb.close();
  }

  @Test
  @DisplayName("verifies that a gateway started while its broker is down is up at once and serves once the broker is")
  void startsBeforeItsBroker() throws Exception {
    IssuedSecret device = register("late-1");
    // WHEN the gateway, with its alarm rules, starts while nothing listens on the broker's port
    gateway.start(GatewayHarness.options(Map.of()), alarmRules());
    // THEN it started, its health check says the broker is down, and a device command fails at once
    assertFalse(brokerUp());
    assertEquals(503, assertThrows(ReplyException.class, () -> command("late-1")).failureCode());
    // AND WHEN the broker comes up and the device publishes
    try (EmbeddedBroker broker = startBroker()) {
      Await.until(WAIT, "the gateway connected", this::brokerUp);
      MqttClient client = deviceClient(broker.url(), device);
      client.publish(topic("late-1", "telemetry"), message(telemetry("l", 1)));
      // THEN the reading is stored and commands go out
      Await.until(WAIT, "the reading stored", () -> stored("late-1") == 1);
      assertTrue(command("late-1").getBoolean("sent"));
      client.disconnect();
      client.close();
    }
  }

  @Test
  @DisplayName("verifies that restarting the broker under a steady stream loses no message the broker acknowledged")
  void ridesOutBrokerRestart() throws Exception {
    IssuedSecret device = register("restart-1");
    int total = 600;
    AtomicInteger acknowledged = new AtomicInteger();
    EmbeddedBroker broker = startBroker();
    try {
      gateway.start(GatewayHarness.options(Map.of()));
      Await.until(WAIT, "the gateway connected", this::brokerUp);
      // GIVEN a device that publishes at about 100 msg/s and publishes again what the broker did not acknowledge
      String url = broker.url();
      Thread publisher = new Thread(() -> publishAll(url, device, total, acknowledged), "test-device");
      publisher.start();
      // WHEN the broker is stopped and started again on the same port and data a third of the way in
      Await.until(WAIT, "a third published", () -> acknowledged.get() >= total / 3);
      broker.close();
      broker = startBroker();
      publisher.join(WAIT.toMillis());
      assertEquals(total, acknowledged.get(), "every message acknowledged by the broker in the end");
      // THEN every message is stored exactly once
      Await.until(WAIT, "every message stored", () -> stored("restart-1") == total);
      assertEquals(total, gateway.count("SELECT count(DISTINCT seq) FROM telemetry WHERE device_id = 'restart-1'"));
    } finally {
      broker.close();
    }
  }

  private static void publishAll(String url, IssuedSecret device, int total, AtomicInteger acknowledged) {
    try {
      MqttClient client = deviceClient(url, device);
      for (int seq = 0; seq < total; seq++) {
        while (!publishedOnce(client, seq)) {
          Thread.sleep(200);
        }
        acknowledged.incrementAndGet();
        Thread.sleep(10);
      }
      client.disconnect(2_000);
      client.close(true);
    } catch (MqttException e) {
      throw new IllegalStateException("the device could not connect", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Publishes and waits for the broker's acknowledgement; false when the broker is away. */
  private static boolean publishedOnce(MqttClient client, int seq) {
    try {
      client.publish(topic("restart-1", "telemetry"), message(telemetry("r", seq)));
      return true;
    } catch (MqttException e) {
      return false;
    }
  }

  private AlarmRules alarmRules() {
    Settings settings = Settings.fromMap(Map.of("ANXIN_DATA_DIR", dir.resolve("data").toString()));
    NodeOptions node = NodeOptions.from(settings);
    return new AlarmRules(AlarmRulesOptions.from(settings), AlarmOptions.from(settings, node, "gateway"), node,
        gateway.database, gateway.mqtt(), gateway.registry, Clock.systemUTC());
  }

  private JsonObject command(String deviceId) {
    DeviceCommand ring = new DeviceCommand(deviceId, "c-" + System.nanoTime(), "ring", new JsonObject());
    return gateway.vertx.eventBus().<JsonObject>request(Addresses.DEVICE_COMMAND, ring.toJson()).await().body();
  }

  private IssuedSecret register(String deviceId) {
    return new DeviceRegistry(gateway.database)
        .add(new NewDevice(deviceId, DeviceType.WRISTBAND, null, null, null, 60)).await();
  }

  private EmbeddedBroker startBroker() {
    return EmbeddedBroker.start(BrokerFixture.node(dir), configured, gateway.database);
  }

  private boolean brokerUp() {
    HealthChecks.Status status = gateway.health.all().get("gateway.broker").get().await();
    return status.up();
  }

  private long stored(String deviceId) {
    return gateway.count("SELECT count(*) FROM telemetry WHERE device_id = '" + deviceId + "'");
  }

  private static MqttClient deviceClient(String url, IssuedSecret device) throws MqttException {
    MqttClient client = new MqttClient(url, device.deviceId(), new MemoryPersistence());
    client.setTimeToWait(5_000);
    MqttConnectionOptions login = new MqttConnectionOptions();
    login.setUserName(device.deviceId());
    login.setPassword(device.secret().getBytes(StandardCharsets.UTF_8));
    login.setAutomaticReconnect(true);
    login.setAutomaticReconnectDelay(1, 2);
    client.connect(login);
    return client;
  }

  private static MqttMessage message(String json) {
    return new MqttMessage(json.getBytes(StandardCharsets.UTF_8), 1, false, null);
  }
}
