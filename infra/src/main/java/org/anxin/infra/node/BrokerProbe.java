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
 * Whether a broker accepts TCP connections. The platform's MQTT sessions belong to the modules that hold them, so
 * the node asks only this: the broker is there and listening.
 */
final class BrokerProbe {

  private final String host;
  private final int port;
  private final JsonObject details;
  private final NetClient client;

  BrokerProbe(Vertx vertx, String url, String mode) {
    URI uri = parse(url);
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : defaultPort(uri.getScheme());
    this.details = new JsonObject().put("mode", mode).put("url", url);
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2_000));
  }

  Future<Status> check() {
    return client.connect(port, host)
        .compose(socket -> socket.close())
        .map(ignored -> Status.up(details))
        .recover(e -> Future.succeededFuture(
            new Status(false, details.copy().put("reason", "no TCP connection to " + host + ":" + port))));
  }

  Future<Void> close() {
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
