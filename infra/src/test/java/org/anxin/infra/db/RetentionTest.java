package org.anxin.infra.db;

import io.vertx.core.Vertx;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("Retention on plain PostgreSQL")
class RetentionTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @RegisterExtension
  static final MigratedDatabase db = new MigratedDatabase();

  @Test
  @DisplayName("deletes only rows older than each table's cutoff, in batches smaller than the backlog")
  void deletesOnlyOlderRows() throws SQLException {
    // GIVEN five readings past 400 days and one just inside, events past and inside 1095 days, rejects around 30
    for (int seq = 0; seq < 5; seq++) {
      newTelemetry("wb-old", seq, daysAgo(401));
    }
    newTelemetry("wb-new", 0, daysAgo(399));
    newEvent(1, daysAgo(1096));
    newEvent(2, daysAgo(1094));
    newRejected(daysAgo(31));
    newRejected(daysAgo(29));
    Retention retention = new Retention(null, new Retention.Options(400, 1095, 30, 2, 60));
    // WHEN retention runs with a batch of two
    Retention.Purged purged;
    try (Connection c = db.dataSource().getConnection()) {
      purged = retention.purge(c, NOW);
    }
    // THEN exactly the old rows are gone
    assertEquals(new Retention.Purged(5, 1, 1), purged);
    assertEquals(1, db.single("SELECT count(*) FROM telemetry WHERE device_id = 'wb-new'"));
    assertEquals(1, db.single("SELECT count(*) FROM telemetry"));
    assertEquals(2, db.single("SELECT min(seq) FROM device_events"));
    assertEquals(1, db.single("SELECT count(*) FROM rejected_messages"));
  }

  @Test
  @DisplayName("runs on the database's worker threads when the node calls run()")
  void runsThroughDatabase() throws Exception {
    // GIVEN a reject from last year and a node's Database pool
    newRejected(OffsetDateTime.now(ZoneOffset.UTC).minusDays(365));
    Vertx vertx = Vertx.vertx();
    try (Database database = Database.open(vertx, db.options())) {
      // WHEN the node's timer calls run()
      Retention.Purged purged = new Retention(database, Retention.Options.from(Settings.fromMap(Map.of())))
          .run().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      // THEN the reject is gone
      assertEquals(1, purged.rejectedMessages());
    } finally {
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("takes its ages from ANXIN_RETENTION_* and refuses a zero")
  void optionsFromSettings() {
    Retention.Options options = Retention.Options.from(Settings.fromMap(Map.of(
        "ANXIN_RETENTION_TELEMETRY_DAYS", "90", "ANXIN_RETENTION_REJECTED_DAYS", "7")));
    assertEquals(new Retention.Options(90, 1095, 7, 5_000, 60), options);
    assertThrows(ConfigException.class, () -> Retention.Options.from(Settings.fromMap(Map.of(
        "ANXIN_RETENTION_BATCH_SIZE", "0"))));
  }

  private static OffsetDateTime daysAgo(int days) {
    return OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(days)), ZoneOffset.UTC);
  }

  private static void newTelemetry(String device, long seq, OffsetDateTime ts) throws SQLException {
    db.update("INSERT INTO telemetry (device_id, boot, seq, ts, bat) VALUES (?, 'b1', ?, ?, 90)", device, seq, ts);
  }

  private static void newEvent(long seq, OffsetDateTime ts) throws SQLException {
    db.update("INSERT INTO device_events (device_id, boot, seq, ts, channel, type) VALUES ('wb-ev', 'b1', ?, ?, "
        + "'event', 'SOS')", seq, ts);
  }

  private static void newRejected(OffsetDateTime at) throws SQLException {
    db.update("INSERT INTO rejected_messages (received_at, topic, reason) VALUES (?, 'anxin/v1/dev/x/telemetry', "
        + "'BAD_JSON')", at);
  }
}
