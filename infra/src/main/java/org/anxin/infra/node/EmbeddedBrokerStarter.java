package org.anxin.infra.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.db.Database;
import org.anxin.infra.mqtt.MqttOptions;

/** Starts the embedded MQTT broker of the default mode (no {@code ANXIN_MQTT_URL}). */
final class EmbeddedBrokerStarter {

  private EmbeddedBrokerStarter() {
  }

  static Future<NodeBroker> start(Vertx vertx, NodeOptions node, MqttOptions mqtt, Database database) {
    return Future.failedFuture(new ConfigException("This build has no embedded MQTT broker yet (issue #2); set "
        + MqttOptions.URL + " to tcp://host:port of a running broker"));
  }
}
