package org.anxin.server;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.node.Endpoints;
import org.anxin.infra.node.Node;
import org.anxin.server.cli.Modules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A node in the embedded default mode")
class EmbeddedNodeTest {

  private static Path dataDir;
  private static String mqttPort;
  private static Node node;

  @BeforeAll
  static void startNode() {
    dataDir = TestNodes.newDataDir("embedded");
    mqttPort = TestNodes.freePort();
    node = Node.start(Map.of("ANXIN_DATA_DIR", dataDir.toString(), "ANXIN_HTTP_PORT", "0",
        "ANXIN_MQTT_PORT", mqttPort), Modules.all());
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @DisplayName("answers /health with 200 and every part up: database, broker, each module's verticles")
  void healthIsUp() {
    // GIVEN a node started on an empty data folder
    // WHEN /health is asked
    HttpResponse<String> response = TestNodes.get(node.endpoints().http() + "/health");
    // THEN it is 200 and names the embedded database, the broker and the four modules' verticles
    assertEquals(200, response.statusCode(), response.body());
    JsonObject checks = new JsonObject(response.body()).getJsonObject("checks");
    assertEquals("embedded", checks.getJsonObject("database").getJsonObject("details").getString("mode"));
    assertEquals("UP", checks.getJsonObject("broker").getString("status"));
    assertEquals("embedded", checks.getJsonObject("broker").getJsonObject("details").getString("mode"));
    for (String module : new String[] {"gateway", "dispatcher", "hotline", "console"}) {
      JsonObject check = checks.getJsonObject("module." + module);
      assertEquals("UP", check.getString("status"), module);
      assertEquals(1, check.getJsonObject("details").getJsonArray("verticles").size(), module);
    }
  }

  @Test
  @DisplayName("serves /metrics as Prometheus text with anxin_, JVM, Vert.x and pool series")
  void metricsHaveOurSeries() {
    // GIVEN a running node, WHEN /metrics is scraped
    HttpResponse<String> response = TestNodes.get(node.endpoints().http() + "/metrics");
    String body = response.body();
    // THEN our own meters and the standard ones are there
    assertEquals(200, response.statusCode());
    assertTrue(body.contains("anxin_database_up 1.0"), body);
    assertTrue(body.contains("anxin_broker_up 1.0"), body);
    assertTrue(body.contains("anxin_module_running{module=\"gateway\"} 1.0"), body);
    assertTrue(body.contains("anxin_node_info{"), body);
    assertTrue(body.contains("anxin_node_start_time_seconds"), body);
    assertTrue(body.contains("jvm_memory_used_bytes"), body);
    assertTrue(body.contains("hikaricp_connections"), body);
    assertTrue(body.contains("vertx_http_server_"), body);
  }

  @Test
  @DisplayName("writes endpoints.json with the addresses it actually listens on")
  void endpointsAreWritten() {
    // GIVEN a node that asked for any free HTTP port
    // WHEN endpoints.json is read from its data folder
    Endpoints written = Endpoints.read(dataDir);
    // THEN it holds the bound HTTP port, the embedded broker's address and the configured AGI address
    assertEquals(node.endpoints().http(), written.http());
    assertTrue(written.http().matches("http://127\\.0\\.0\\.1:\\d+") && !written.http().endsWith(":0"), written.http());
    assertEquals("tcp://127.0.0.1:" + mqttPort, written.mqtt());
    assertNull(written.mqttTls(), "no TLS keystore is configured");
    assertEquals("agi://127.0.0.1:4573", written.agi());
    assertEquals(ProcessHandle.current().pid(), written.pid());
  }
}
