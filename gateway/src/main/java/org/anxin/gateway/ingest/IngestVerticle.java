package org.anxin.gateway.ingest;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.anxin.gateway.GatewayOptions;
import org.anxin.gateway.alarm.AlarmRules;
import org.anxin.gateway.decode.MessageDecoder;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.gateway.mqtt.ManualAckSession;
import org.anxin.gateway.state.DeviceStateRow;
import org.anxin.gateway.state.DeviceStates;
import org.anxin.gateway.store.BatchWriter;
import org.anxin.gateway.store.DeviceDirectory;
import org.anxin.gateway.store.DeviceStateStore;
import org.anxin.infra.db.Database;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.mqtt.MqttOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Ingests device messages: loads the registered devices and their stored state, opens the MQTT session, and from
 * then on batches, stores and acknowledges what arrives; rereads the devices and writes changed state on timers.
 */
public class IngestVerticle extends VerticleBase {

  static final String SHARED_TOPIC = "$share/anxin-gateway/anxin/v1/dev/+/+";
  private static final Logger LOG = LoggerFactory.getLogger(IngestVerticle.class);

  private final GatewayOptions options;
  private final Database database;
  private final MqttOptions mqtt;
  private final GatewayMetrics metrics;
  private final HealthChecks health;
  private final AlarmRules alarms;
  private final DeviceStates states = new DeviceStates();
  private DeviceDirectory directory;
  private DeviceStateStore stateStore;
  private ManualAckSession client;
  private Inbox inbox;
  private boolean flushingState;

  public IngestVerticle(GatewayOptions options, Database database, MqttOptions mqtt, GatewayMetrics metrics,
                       HealthChecks health) {
    this(options, database, mqtt, metrics, health, null);
  }

  /** A gateway that also runs the alarm rules on every message, before it is stored. */
  public IngestVerticle(GatewayOptions options, Database database, MqttOptions mqtt, GatewayMetrics metrics,
                       HealthChecks health, AlarmRules alarms) {
    this.options = options;
    this.database = database;
    this.mqtt = mqtt;
    this.metrics = metrics;
    this.health = health;
    this.alarms = alarms;
  }

  @Override
  public Future<?> start() throws Exception {
    directory = new DeviceDirectory(database);
    stateStore = new DeviceStateStore(database);
    client = new ManualAckSession(vertx, mqtt, "Gateway", options.clientId(), SHARED_TOPIC,
        Duration.ofSeconds(options.sessionExpirySeconds()), options.receiveMaximum());
    Batcher batcher = new Batcher(vertx, options, new MessageDecoder(directory::contains),
        new BatchWriter(database, options.rejectCap()), states, metrics, client, alarms);
    inbox = new Inbox(options.queueLimit(), context, batcher::drain);
    batcher.readFrom(inbox);
    metrics.queueDepth(batcher::depth);
    health.register("gateway.broker", this::brokerStatus);
    return directory.refresh()
        .compose(n -> stateStore.load())
        .map(this::restoreStates)
        .compose(v -> alarms == null ? Future.succeededFuture() : alarms.start(vertx))
        .compose(v -> client.start(inbox::put))
        .onSuccess(v -> startTimers());
  }

  private Void restoreStates(List<DeviceStateRow> rows) {
    states.restore(rows);
    LOG.info("Gateway knows {} devices and restored the state of {}", directory.size(), rows.size());
    return null;
  }

  private void startTimers() {
    vertx.setPeriodic(options.deviceRefreshMs(), id -> directory.refresh()
        .onFailure(e -> LOG.warn("Rereading the registered devices failed: {}", e.getMessage())));
    vertx.setPeriodic(options.stateFlushMs(), id -> flushState());
  }

  private Future<Integer> flushState() {
    if (flushingState) {
      return Future.succeededFuture(0);
    }
    flushingState = true;
    List<DeviceStateRow> rows = states.takeDirty(System.currentTimeMillis());
    return stateStore.write(rows)
        .onFailure(e -> {
          states.markDirty(rows);
          LOG.warn("Writing the state of {} devices failed: {}", rows.size(), e.getMessage());
        })
        .eventually(() -> {
          flushingState = false;
          return Future.succeededFuture();
        });
  }

  private Future<HealthChecks.Status> brokerStatus() {
    if (!client.isConnected()) {
      return Future.succeededFuture(HealthChecks.Status.down("the gateway is not connected to the MQTT broker"));
    }
    if (alarms != null && !alarms.isConnected()) {
      return Future.succeededFuture(HealthChecks.Status.down("the alarm rules are not connected to the MQTT broker"));
    }
    return Future.succeededFuture(HealthChecks.Status.up(new JsonObject().put("subscription", SHARED_TOPIC)));
  }

  @Override
  public Future<?> stop() {
    inbox.close();
    return client.stop()
        .eventually(this::flushState)
        .eventually(() -> alarms == null ? Future.succeededFuture() : alarms.stop())
        .onComplete(ar -> LOG.info("Gateway stopped"));
  }

  /** The in-memory device states; for the rules and for tests. */
  public DeviceStates states() {
    return states;
  }
}
