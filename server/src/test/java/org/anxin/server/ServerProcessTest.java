package org.anxin.server;

import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.infra.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The server process")
class ServerProcessTest {

  private static final Duration START = Duration.ofSeconds(60);

  @Test
  @DisplayName("stops in order on SIGTERM and exits 0")
  void sigtermExitsZero() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      // GIVEN a serving node in a JVM of its own, on an external database and broker
      Path dataDir = TestNodes.newDataDir("sigterm");
      Path endpoints = dataDir.resolve("endpoints.json");
      try (PrivateMosquitto mosquitto = PrivateMosquitto.anonymous(dataDir);
           ChildServer server = ChildServer.start(dataDir, Map.of("ANXIN_DB_URL", db.jdbcUrl(),
               "ANXIN_HTTP_PORT", "0", "ANXIN_MQTT_URL", mosquitto.url()), "serve")) {
        assertTrue(server.awaitFile(endpoints, START), server.stdout() + server.stderr());
        // WHEN it is sent SIGTERM
        server.terminate();
        // THEN it stops its parts, removes endpoints.json and exits 0
        assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server.stdout() + server.stderr());
        assertTrue(server.stdout().contains("Stopped"), server.stdout());
        assertFalse(Files.exists(endpoints));
      }
    }
  }

  @Test
  @DisplayName("fails with one sentence on stderr and no stack trace when ANXIN_DB_URL cannot be reached")
  void unreachableDatabaseIsOneSentence() throws Exception {
    // GIVEN a database URL on a port where nothing listens
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path dataDir = TestNodes.newDataDir("unreachable");
    try (ChildServer server = ChildServer.start(dataDir, Map.of(
        "ANXIN_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/anxin", "ANXIN_DB_CONNECT_TIMEOUT_MS", "1000",
        "ANXIN_HTTP_PORT", "0", "ANXIN_MQTT_PORT", TestNodes.freePort()))) {
      // WHEN the server starts
      int status = server.awaitExit(START);
      // THEN it exits non-zero with exactly one line on stderr that names the database, and no stack trace
      String stderr = server.stderr().strip();
      assertEquals(1, status, server.stdout());
      assertEquals(1, stderr.lines().count(), stderr);
      assertTrue(stderr.startsWith("Anxin did not start: The database at jdbc:postgresql://127.0.0.1:" + closedPort),
          stderr);
      assertFalse(server.stdout().contains("\tat "), server.stdout());
    }
  }

  @Test
  @DisplayName("migrate applies the schema and exits 0")
  void migrateExits() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      // GIVEN an empty database, WHEN migrate runs
      Path dataDir = TestNodes.newDataDir("migrate");
      try (ChildServer server = ChildServer.start(dataDir, Map.of("ANXIN_DB_URL", db.jdbcUrl()), "migrate")) {
        // THEN it exits 0 and says the schema is up to date
        assertEquals(0, server.awaitExit(START), server.stdout() + server.stderr());
        assertTrue(server.stdout().contains("The schema is up to date"), server.stdout());
      }
    }
  }
}
