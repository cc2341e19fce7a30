package org.anxin.server.demo;

import org.anxin.infra.node.Node;
import org.anxin.infra.security.PasswordHasher;
import org.anxin.infra.security.SecretHasher;
import org.anxin.infra.testing.TestDatabase;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.server.TestNodes;
import org.anxin.server.cli.Modules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The demo data")
class DemoDataTest {

  private static TestDatabase db;
  private static PrivateMosquitto mosquitto;
  private static Path dataDir;
  private static Node node;

  @BeforeAll
  static void startNode() {
    db = TestDatabase.create();
    dataDir = TestNodes.newDataDir("demo");
    mosquitto = PrivateMosquitto.anonymous(dataDir);
    node = Node.start(Map.of("ANXIN_DATA_DIR", dataDir.toString(), "ANXIN_HTTP_PORT", "0",
        "ANXIN_DB_URL", db.jdbcUrl(), "ANXIN_MQTT_URL", mosquitto.url(), "ANXIN_MODULES", "console"),
        Modules.all());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    mosquitto.close();
    db.close();
  }

  @Test
  @DisplayName("seeded twice leaves one copy of the county, with credentials that match their hashes")
  void seedingIsIdempotent() throws Exception {
    // GIVEN a node on an empty database
    // WHEN the demo data is ensured twice
    DemoData.ensure(node);
    List<String> firstUsers = Files.readAllLines(dataDir.resolve("demo/users.csv"));
    DemoData.ensure(node);
    // THEN there is one county of 3 townships, 10 villages and 100 elders, and the files are unchanged
    assertEquals(3, count("SELECT count(*) FROM townships"));
    assertEquals(10, count("SELECT count(*) FROM villages"));
    assertEquals(100, count("SELECT count(*) FROM elders"));
    assertEquals(30, count("SELECT count(*) FROM elders WHERE 'PARTY_MEMBER' = ANY(categories) "
        + "AND care_mode = 'HOME' AND party_record IS NOT NULL"));
    assertEquals(20, count("SELECT count(*) FROM elders WHERE 'DEMENTIA' = ANY(categories)"));
    assertEquals(20, count("SELECT count(*) FROM devices WHERE type = 'WRISTBAND' AND elder_id IS NOT NULL"));
    assertEquals(6, count("SELECT count(*) FROM providers"));
    assertEquals(firstUsers, Files.readAllLines(dataDir.resolve("demo/users.csv")));
  }

  @Test
  @DisplayName("writes owner-only credential files whose secrets and passwords match the stored hashes")
  void credentialsMatch() throws Exception {
    // GIVEN the demo data
    DemoData.ensure(node);
    Path devices = dataDir.resolve("demo/devices.csv");
    Path users = dataDir.resolve("demo/users.csv");
    // WHEN the files are read
    List<String> deviceLines = Files.readAllLines(devices);
    List<String> userLines = Files.readAllLines(users);
    // THEN only the owner may read them, and a device secret and a password check against the database
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(devices)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
    assertEquals("device_id,secret,type,elder_id", deviceLines.get(0));
    assertEquals(count("SELECT count(*) FROM devices") + 1, deviceLines.size());
    String[] device = deviceLines.get(1).split(",");
    assertTrue(SecretHasher.matches(device[1], text("SELECT secret_hash FROM devices WHERE id = ?", device[0])));
    String[] user = userLines.get(1).split(",");
    assertTrue(PasswordHasher.matches(user[1], text("SELECT password_hash FROM users WHERE username = ?", user[0])));
    assertTrue(userLines.stream().anyMatch(l -> l.endsWith(",family")), userLines.toString());
  }

  private static long count(String sql) throws SQLException {
    return Long.parseLong(text(sql));
  }

  private static String text(String sql, Object... params) throws SQLException {
    try (Connection c = node.context().database().dataSource().getConnection();
         PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
