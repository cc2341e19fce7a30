package org.anxin.server.demo;

import org.anxin.infra.node.Node;
import org.anxin.infra.testing.Await;
import org.anxin.infra.testing.TestDatabase;
import org.anxin.server.TestNodes;
import org.anxin.server.cli.Modules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The demo's simulated fleet")
class DemoFleetTest {

  @Test
  @DisplayName("reports telemetry of the demo's own devices through the embedded broker into the database")
  void fleetFillsTelemetry() {
    // GIVEN a demo node with its embedded broker and the gateway, its county seeded
    try (TestDatabase db = TestDatabase.create()) {
      Node node = Node.start(Map.of("ANXIN_DATA_DIR", TestNodes.newDataDir("fleet").toString(),
          "ANXIN_HTTP_PORT", "0", "ANXIN_MQTT_PORT", TestNodes.freePort(), "ANXIN_DB_URL", db.jdbcUrl(),
          "ANXIN_MODULES", "gateway"), Modules.all());
      try {
        DemoData.ensure(node);
        // WHEN the demo fleet runs at 60 times real time (a reading a second)
        try (DemoFleet fleet = DemoFleet.start(node, 60)) {
          // THEN telemetry rows of the demo's registered devices arrive within 30 s
          Await.until(Duration.ofSeconds(30), "telemetry of the demo's devices", () -> demoTelemetryRows(node) > 0);
          assertTrue(fleet.welcomeLine().contains("scenario sos --device "), fleet.welcomeLine());
        }
      } finally {
        node.close();
      }
    }
  }

  private static int demoTelemetryRows(Node node) {
    try (Connection c = node.context().database().dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM telemetry t JOIN devices d ON d.id = t.device_id")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
