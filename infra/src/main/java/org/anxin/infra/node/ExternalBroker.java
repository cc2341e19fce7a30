package org.anxin.infra.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.http.HealthChecks.Status;
import org.anxin.infra.mqtt.MqttOptions;

/** A broker the node does not run ({@code ANXIN_MQTT_URL}): only probed, never stopped. */
final class ExternalBroker implements NodeBroker {

  private final MqttOptions mqtt;
  private final BrokerProbe probe;

  ExternalBroker(Vertx vertx, MqttOptions mqtt) {
    this.mqtt = mqtt;
    this.probe = new BrokerProbe(vertx, mqtt.url(), "external");
  }

  @Override
  public MqttOptions mqtt() {
    return mqtt;
  }

  @Override
  public String endpoint() {
    return mqtt.url();
  }

  /** Devices of an external broker connect as its operator publishes; this node announces only its own URL. */
  @Override
  public String tlsEndpoint() {
    return null;
  }

  @Override
  public Future<Status> check() {
    return probe.check();
  }

  @Override
  public Future<Void> close() {
    return probe.close();
  }
}
