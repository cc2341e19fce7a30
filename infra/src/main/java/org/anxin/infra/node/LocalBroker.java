package org.anxin.infra.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.db.Database;
import org.anxin.infra.http.HealthChecks.Status;
import org.anxin.infra.mqtt.EmbeddedBroker;
import org.anxin.infra.mqtt.MqttOptions;

/** The embedded broker of the default mode (no {@code ANXIN_MQTT_URL}), started and stopped with the node. */
final class LocalBroker implements NodeBroker {

  private final Vertx vertx;
  private final EmbeddedBroker broker;
  private final MqttOptions clientOptions;
  private final BrokerProbe probe;

  private LocalBroker(Vertx vertx, EmbeddedBroker broker, MqttOptions configured) {
    this.vertx = vertx;
    this.broker = broker;
    this.clientOptions = broker.clientOptions(configured);
    this.probe = new BrokerProbe(vertx, broker.url(), "embedded");
  }

  /** Starting HiveMQ blocks for a second or two, so it runs on a worker. */
  static Future<NodeBroker> start(Vertx vertx, NodeOptions node, MqttOptions mqtt, Database database) {
    return vertx.executeBlocking(() -> new LocalBroker(vertx, EmbeddedBroker.start(node, mqtt, database), mqtt), false);
  }

  @Override
  public MqttOptions mqtt() {
    return clientOptions;
  }

  @Override
  public String endpoint() {
    return broker.url();
  }

  @Override
  public String tlsEndpoint() {
    return broker.tlsUrl();
  }

  @Override
  public Future<Status> check() {
    return probe.check();
  }

  /** Stops the broker, which writes its sessions and queues to the data folder first. */
  @Override
  public Future<Void> close() {
    return probe.close().compose(ignored -> vertx.executeBlocking(() -> {
      broker.close();
      return null;
    }, false));
  }
}
