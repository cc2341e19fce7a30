package org.anxin.server.demo;

import org.anxin.infra.node.Node;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.server.TestNodes;
import org.anxin.server.cli.Modules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A second demo start on the same data folder")
class DemoRestartTest {

  @Test
  @DisplayName("finds the demo data in the embedded PostgreSQL and seeds nothing again")
  void secondStartReusesTheData() throws Exception {
    // GIVEN a demo node on an empty data folder (its embedded PostgreSQL keeps the data there), stopped after seeding
    Path dataDir = TestNodes.newDataDir("restart");
    try (PrivateMosquitto mosquitto = PrivateMosquitto.anonymous(dataDir)) {
      Map<String, String> settings = Map.of("ANXIN_DATA_DIR", dataDir.toString(), "ANXIN_HTTP_PORT", "0",
          "ANXIN_MQTT_URL", mosquitto.url(), "ANXIN_MODULES", "console");
      Node first = Node.start(settings, Modules.all());
      try {
        DemoData.ensure(first);
      } finally {
        first.close();
      }
      assertSecondStartFindsTheData(dataDir, settings);
    }
  }

  private static void assertSecondStartFindsTheData(Path dataDir, Map<String, String> settings) throws Exception {
    List<String> users = Files.readAllLines(dataDir.resolve("demo/users.csv"));
    // WHEN a node starts again on the same folder and ensures the demo data
    Node second = Node.start(settings, Modules.all());
    try {
      DemoData.ensure(second);
      // THEN the 100 elders are there once, and the logins are those of the first start
      try (Connection c = second.context().database().dataSource().getConnection();
           Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM elders")) {
        rs.next();
        assertEquals(100, rs.getInt(1));
      }
      assertEquals(users, Files.readAllLines(dataDir.resolve("demo/users.csv")));
    } finally {
      second.close();
    }
  }
}
