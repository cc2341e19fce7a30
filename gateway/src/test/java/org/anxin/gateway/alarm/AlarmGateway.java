package org.anxin.gateway.alarm;

import io.vertx.core.json.JsonObject;
import org.anxin.gateway.ingest.IngestVerticle;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.infra.testing.Await;
import org.anxin.gateway.testing.GatewayHarness;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.gateway.testing.Publisher;
import org.anxin.infra.alarm.AlarmBus;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.AlarmRaised;
import org.anxin.infra.alarm.AlarmStored;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.testing.TestDatabase;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.anxin.gateway.testing.Payloads.topic;

/**
 * A gateway with its alarm rules, as the gateway module deploys it, on a private Mosquitto and a fresh database
 * holding the {@link AlarmFleet}; keeps what appears on {@code alarm.raised} and {@code alarm.stored}. Small
 * batches and windows, so that a few messages held up fill the storage session and the broker holds back the rest
 * of its stream; timer checks every second; a Last Will counts at once; a device's own offline alarm waits 2 s
 * for an area outage.
 */
final class AlarmGateway implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(15);
  static final double HOME_LAT = 30.2741;
  static final double HOME_LON = 120.1551;

  final GatewayHarness gateway;
  final AlarmFleet fleet;
  final List<AlarmRaised> raised = new CopyOnWriteArrayList<>();
  final List<AlarmStored> stored = new CopyOnWriteArrayList<>();
  private final TestDatabase testDb;
  private final PrivateMosquitto broker;
  private final Settings settings;
  private final MqttOptions mqtt;
  private final Publisher devices;
  private String deployment;

  AlarmGateway(Path dir) {
    testDb = TestDatabase.create();
    broker = PrivateMosquitto.anonymous(dir);
    gateway = new GatewayHarness(testDb.options(), broker.url());
    fleet = AlarmFleet.create(gateway.database, HOME_LAT, HOME_LON);
    settings = Settings.fromMap(Map.of("ANXIN_DATA_DIR", dir.resolve("data").toString(),
        "ANXIN_RULES_CHECK_S", "1", "ANXIN_RULES_LAST_WILL_GRACE_S", "0", "ANXIN_RULES_OUTAGE_WINDOW_S", "2"));
    AlarmBus bus = new AlarmBus(gateway.vertx.eventBus());
    bus.onRaised(raised::add);
    bus.onStored(stored::add);
    mqtt = MqttOptions.from(settings).connectedTo(broker.url(), null, null);
    deploy();
    devices = Publisher.connect(broker.url(), 50);
  }

  String brokerUrl() {
    return broker.url();
  }

  /** Stops the gateway and starts a new one on the same data folder, as a restart would. */
  void restart() {
    gateway.vertx.undeploy(deployment).await();
    deploy();
  }

  private void deploy() {
    NodeOptions node = NodeOptions.from(settings);
    AlarmRules alarms = new AlarmRules(AlarmRulesOptions.from(settings), AlarmOptions.from(settings, node, "gateway"),
        node, gateway.database, mqtt, gateway.registry, Clock.systemUTC());
    deployment = gateway.vertx.deployVerticle(new IngestVerticle(GatewayHarness.options(Map.of(
        "ANXIN_GATEWAY_LINGER_MS", "10", "ANXIN_GATEWAY_BATCH_SIZE", "5", "ANXIN_GATEWAY_PARALLEL_BATCHES", "1",
        "ANXIN_GATEWAY_RECEIVE_MAXIMUM", "10", "ANXIN_GATEWAY_QUEUE_LIMIT", "10")), gateway.database, mqtt,
        new GatewayMetrics(gateway.registry), gateway.health, alarms)).await();
  }

  /** Publishes as the device and waits for the broker's acknowledgement. */
  void send(String deviceId, String channel, JsonObject payload) {
    devices.publish(topic(deviceId, channel), payload.encode());
    devices.flush();
  }

  long alarms(String where) {
    return gateway.count("SELECT count(*) FROM alarms WHERE " + where);
  }

  void awaitAlarms(String where, long expected) {
    Await.until(WAIT, expected + " alarms where " + where, () -> alarms(where) == expected);
  }

  List<AlarmRaised> raisedOf(String type) {
    return raised.stream().filter(r -> r.alarm().type().name().equals(type)).toList();
  }

  @Override
  public void close() {
    devices.close();
    gateway.vertx.undeploy(deployment).await();
    gateway.close();
    broker.close();
    testDb.close();
  }
}
