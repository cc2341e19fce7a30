package org.anxin.gateway.ingest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.infra.testing.Await;
import org.anxin.gateway.testing.GatewayHarness;
import org.anxin.gateway.testing.GatewayProcess;
import org.anxin.infra.mqtt.BrokerFixture;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.gateway.testing.Publisher;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.anxin.gateway.testing.Payloads.telemetry;
import static org.anxin.gateway.testing.Payloads.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What happens when the database or the gateway itself fails under load. */
class FailureTest {

  private static final int DEVICES = 20;

  private static String[] deviceIds(String prefix) {
    String[] ids = new String[DEVICES];
    for (int i = 0; i < DEVICES; i++) {
      ids[i] = prefix + i;
    }
    return ids;
  }

  /** Publishes {@code count} telemetry messages round the devices at about {@code perSecond}, on its own thread. */
  private static Thread publishInBackground(Publisher publisher, String prefix, int count, int perSecond) {
    Thread t = new Thread(() -> {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        publisher.publish(topic(prefix + (i % DEVICES), "telemetry"), telemetry("b", i));
        long due = start + (long) i * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      publisher.flush();
    }, "test-publisher");
    t.start();
    return t;
  }

  private static EmbeddedPostgres startPostgres(Path dir, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
        .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("unix_socket_directories", "")
        .start();
  }

  @Test
  @DisplayName("verifies that stopping the database for 20 s under load loses no message and the gateway catches up")
  void ridesOutDatabaseOutage(@TempDir Path dir) throws Exception {
    // GIVEN a gateway on a private PostgreSQL, taking a steady stream
    int port = BrokerFixture.freePort();
    Path pgData = dir.resolve("pg");
    EmbeddedPostgres pg = startPostgres(pgData, port);
    DatabaseOptions db = new DatabaseOptions("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "",
        4, 2_000);
    int total = 12_000;
    try (PrivateMosquitto broker = PrivateMosquitto.anonymous(dir);
         GatewayHarness gateway = new GatewayHarness(db, broker.url());
         Publisher devices = Publisher.connect(broker.url(), 100)) {
      gateway.register(deviceIds("out-"));
      gateway.start(GatewayHarness.options(Map.of("ANXIN_GATEWAY_BATCH_SIZE", "100",
          "ANXIN_GATEWAY_RECEIVE_MAXIMUM", "500", "ANXIN_GATEWAY_QUEUE_LIMIT", "300",
          "ANXIN_GATEWAY_RETRY_MAX_MS", "1000")));
      Thread stream = publishInBackground(devices, "out-", total, 400);
      Await.until(Duration.ofSeconds(15), "rows before the outage", () -> gateway.count(
          "SELECT count(*) FROM telemetry") > 500);
      // WHEN the database stops for 20 s and comes back on the same port and data
      pg.close();
      long down = System.nanoTime();
      Thread.sleep(20_000);
      pg = startPostgres(pgData, port);
      assertTrue(System.nanoTime() - down >= 20_000_000_000L);
      stream.join();
      // THEN every message is stored exactly once, after retries
      Await.until(Duration.ofSeconds(60), total + " rows", () -> gateway.count("SELECT count(*) FROM telemetry") == total);
      assertEquals(total, gateway.count("SELECT count(DISTINCT (device_id, seq)) FROM telemetry"));
      assertTrue(gateway.registry.find(GatewayMetrics.RETRIES).counter().count() > 0);
    } finally {
      pg.close();
    }
  }

  @Test
  @DisplayName("verifies that killing the gateway process mid-stream and restarting it loses and duplicates nothing")
  void survivesKilledGateway(@TempDir Path dir) throws Exception {
    // GIVEN a gateway in its own JVM taking a stream
    int total = 8_000;
    Path log = dir.resolve("gateway.log");
    try (TestDatabase testDb = TestDatabase.create();
         PrivateMosquitto broker = PrivateMosquitto.anonymous(dir);
         GatewayHarness check = new GatewayHarness(testDb.options(), broker.url());
         Publisher devices = Publisher.connect(broker.url(), 100)) {
      check.register(deviceIds("kill-"));
      GatewayProcess first = GatewayProcess.start(testDb.jdbcUrl(), broker.url(), log);
      Thread stream = publishInBackground(devices, "kill-", total, 1_000);
      Await.until(Duration.ofSeconds(20), "rows before the kill", () -> check.count(
          "SELECT count(*) FROM telemetry") > 1_500);
      // WHEN it is killed mid-stream and started again while the stream goes on
      first.kill();
      long atKill = check.count("SELECT count(*) FROM telemetry");
      try (GatewayProcess second = GatewayProcess.start(testDb.jdbcUrl(), broker.url(), log)) {
        stream.join();
        // THEN every message is stored, and none twice
        Await.until(Duration.ofSeconds(60), total + " rows", () -> check.count(
            "SELECT count(*) FROM telemetry") == total);
        assertTrue(atKill < total, "the kill came mid-stream");
        assertEquals(total, check.count("SELECT count(DISTINCT (device_id, seq)) FROM telemetry"));
      }
    }
  }
}
