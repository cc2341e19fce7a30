package org.anxin.server;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.infra.node.Node;
import org.anxin.infra.testing.TestDatabase;
import org.anxin.server.cli.Modules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("ANXIN_MODULES")
class ModuleSelectionTest {

  @Test
  @DisplayName("=gateway runs the gateway's verticles and no other module's, on an external database and broker")
  void onlyTheNamedModuleRuns() {
    Path dataDir = TestNodes.newDataDir("modules");
    try (TestDatabase db = TestDatabase.create(); PrivateMosquitto mosquitto = PrivateMosquitto.anonymous(dataDir)) {
      // GIVEN a node told to run only the gateway, on the machine's PostgreSQL and a Mosquitto of its own
      Node node = Node.start(Map.of("ANXIN_MODULES", "gateway", "ANXIN_DB_URL", db.jdbcUrl(),
          "ANXIN_DATA_DIR", dataDir.toString(), "ANXIN_HTTP_PORT", "0", "ANXIN_MQTT_URL", mosquitto.url()),
          Modules.all());
      try {
        // WHEN /health is asked
        HttpResponse<String> response = TestNodes.get(node.endpoints().http() + "/health");
        // THEN the gateway is the only module among the checks (a module may add checks of its own), and the
        // database and the broker are the external ones
        JsonObject checks = new JsonObject(response.body()).getJsonObject("checks");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Set.of("module.gateway"), checks.fieldNames().stream()
            .filter(name -> name.startsWith("module.")).collect(Collectors.toSet()));
        assertEquals("external", checks.getJsonObject("database").getJsonObject("details").getString("mode"));
        assertEquals("external", checks.getJsonObject("broker").getJsonObject("details").getString("mode"));
        assertEquals(mosquitto.url(), node.endpoints().mqtt());
      } finally {
        node.close();
      }
    }
  }
}
