package org.anxin.infra.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.http.HealthChecks.Status;
import org.anxin.infra.mqtt.MqttOptions;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A broker the node does not run ({@code ANXIN_MQTT_URL}). Its check opens a TCP connection to it: the platform's
 * MQTT sessions belong to the modules that hold them, so the node only asks whether the broker accepts connections.
 */
public final class ExternalBroker implements NodeBroker {

  private final MqttOptions mqtt;
  private final String host;
  private final int port;
  private final NetClient client;

  public ExternalBroker(Vertx vertx, MqttOptions mqtt) {
    this.mqtt = mqtt;
    URI uri = parse(mqtt.url());
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : defaultPort(uri.getScheme());
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2_000));
  }

  @Override
  public MqttOptions mqtt() {
    return mqtt;
  }

  @Override
  public String endpoint() {
    return mqtt.url();
  }

  @Override
  public Future<Status> check() {
    JsonObject details = new JsonObject().put("mode", "external").put("url", mqtt.url());
    return client.connect(port, host)
        .compose(socket -> socket.close())
        .map(ignored -> Status.up(details))
        .recover(e -> Future.succeededFuture(
            new Status(false, details.copy().put("reason", "no TCP connection to " + host + ":" + port))));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        throw new URISyntaxException(url, "no host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(MqttOptions.URL + " must look like tcp://host:port, not '" + url + "'");
    }
  }

  private static int defaultPort(String scheme) {
    return "ssl".equals(scheme) || "mqtts".equals(scheme) ? 8883 : 1883;
  }
}
