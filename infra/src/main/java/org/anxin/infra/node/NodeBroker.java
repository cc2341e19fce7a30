package org.anxin.infra.node;

import io.vertx.core.Future;
import org.anxin.infra.http.HealthChecks.Status;
import org.anxin.infra.mqtt.MqttOptions;

/** The MQTT broker as the node sees it: the embedded one it started, or an external one it only connects to. */
public interface NodeBroker {

  /** How the platform's own clients connect to it. */
  MqttOptions mqtt();

  /** Where devices connect, for {@code endpoints.json}: {@code tcp://host:port}. */
  String endpoint();

  /** Where devices connect over TLS ({@code ssl://host:port}), or {@code null} when this node offers no TLS. */
  String tlsEndpoint();

  /** Whether it answers now; for {@code /health}. */
  Future<Status> check();

  /** Stops it if this node started it; an external broker is left alone. */
  Future<Void> close();
}
