package org.anxin.infra.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.http.HealthChecks.Status;
import org.anxin.infra.metrics.NodeMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The node's HTTP server")
class NodeHttpServerTest {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private NodeMetrics metrics;
  private Vertx vertx;
  private HealthChecks health;

  @BeforeEach
  void newVertx() {
    metrics = new NodeMetrics();
    vertx = metrics.newVertx();
    health = new HealthChecks();
  }

  @AfterEach
  void closeVertx() {
    vertx.close().await();
    metrics.close();
  }

  @Test
  @DisplayName("answers /health with 200 while every check is up")
  void healthyIs200() throws Exception {
    // GIVEN two checks that pass
    health.register("database", () -> Future.succeededFuture(Status.up(new JsonObject().put("mode", "test"))));
    health.register("module.gateway", () -> Future.succeededFuture(Status.up(new JsonObject())));
    int port = newServer(0).listen().await();
    // WHEN /health is asked
    HttpResponse<String> response = get(port, "/health");
    // THEN it is 200, UP, with each check's details
    assertEquals(200, response.statusCode());
    JsonObject body = new JsonObject(response.body());
    assertEquals("UP", body.getString("status"));
    assertEquals("test", body.getJsonObject("checks").getJsonObject("database").getJsonObject("details")
        .getString("mode"));
  }

  @Test
  @DisplayName("answers 503 naming the part that is down, including a check that never answers")
  void downIs503() throws Exception {
    // GIVEN a broker check that fails and a database check that hangs
    health.register("broker", () -> Future.succeededFuture(Status.down("no TCP connection")));
    health.register("database", () -> Promise.<Status>promise().future());
    int port = newServer(0).listen().await();
    // WHEN /health is asked
    HttpResponse<String> response = get(port, "/health");
    // THEN it is 503 and both are reported down with their reasons
    assertEquals(503, response.statusCode());
    JsonObject checks = new JsonObject(response.body()).getJsonObject("checks");
    assertEquals("no TCP connection", checks.getJsonObject("broker").getJsonObject("details").getString("reason"));
    assertTrue(checks.getJsonObject("database").getJsonObject("details").getString("reason").startsWith("no answer"),
        checks.encode());
  }

  @Test
  @DisplayName("reports the checks as anxin_ gauges on /metrics")
  void metricsFollowHealth() throws Exception {
    // GIVEN a database that is down and a module that runs
    health.register("database", () -> Future.succeededFuture(Status.down("refused")));
    health.register("module.console", () -> Future.succeededFuture(Status.up(new JsonObject())));
    int port = newServer(0).listen().await();
    // WHEN /metrics is scraped
    String body = get(port, "/metrics").body();
    // THEN the gauges say so
    assertTrue(body.contains("anxin_database_up 0.0"), body);
    assertTrue(body.contains("anxin_module_running{module=\"console\"} 1.0"), body);
    assertTrue(body.contains("anxin_health_check_up{check=\"database\"} 0.0"), body);
  }

  @Test
  @DisplayName("fails to listen on a taken port with one sentence naming ANXIN_HTTP_PORT")
  void takenPortIsOneSentence() throws Exception {
    // GIVEN a port another program holds
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // WHEN the server tries to listen there
      NodeHttpServer server = newServer(taken.getLocalPort());
      // THEN the failure is a ConfigException that says which setting to change
      ConfigException e = assertThrows(ConfigException.class, () -> server.listen().await());
      assertTrue(e.getMessage().contains("is taken by another program; set ANXIN_HTTP_PORT"), e.getMessage());
    }
  }

  private NodeHttpServer newServer(int port) {
    return new NodeHttpServer(vertx, new HttpOptions("127.0.0.1", port, true), health, metrics);
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
