package org.anxin.infra.db;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TimescaleDB branch of V3, on a real TimescaleDB. Runs only when {@code ANXIN_TEST_TIMESCALE_URL} names an
 * empty database on a server with TimescaleDB ({@code infra/src/test/timescale/run.sh} starts one and sets it);
 * skipped otherwise.
 */
@DisplayName("The migrations on TimescaleDB")
@EnabledIfEnvironmentVariable(named = "ANXIN_TEST_TIMESCALE_URL", matches = ".+",
    disabledReason = "ANXIN_TEST_TIMESCALE_URL is not set (Debian has no TimescaleDB package; "
        + "infra/src/test/timescale/run.sh starts one and sets it)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimescaleMigrationsTest {

  private static final String URL = System.getenv("ANXIN_TEST_TIMESCALE_URL");
  private static final OffsetDateTime TS = OffsetDateTime.of(2026, 11, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  private static OneConnectionDataSource dataSource;
  private static MigrateResult first;

  @BeforeAll
  static void migrate() throws SQLException {
    dataSource = new OneConnectionDataSource(URL, System.getenv().getOrDefault("ANXIN_TEST_TIMESCALE_USER",
        "postgres"), System.getenv().getOrDefault("ANXIN_TEST_TIMESCALE_PASSWORD", ""));
    assertEquals(0, MigratedDatabase.single(dataSource, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
        "ANXIN_TEST_TIMESCALE_URL must name an empty database");
    first = Migrations.apply(dataSource);
  }

  @AfterAll
  static void disconnect() throws SQLException {
    if (dataSource != null) {
      dataSource.closeShared();
    }
  }

  @Test
  @Order(1)
  @DisplayName("apply cleanly, then again as a no-op")
  void applyTwice() {
    assertTrue(first.success);
    assertEquals(7, first.migrationsExecuted);
    assertEquals(0, Migrations.apply(dataSource).migrationsExecuted);
  }

  @Test
  @Order(2)
  @DisplayName("make telemetry and device_events compressed hypertables and telemetry_hourly a continuous aggregate")
  void hypertablesAndAggregate() throws SQLException {
    assertEquals(2, MigratedDatabase.single(dataSource, "SELECT count(*) FROM timescaledb_information.hypertables "
        + "WHERE hypertable_name IN ('telemetry', 'device_events') AND compression_enabled"));
    assertEquals(1, MigratedDatabase.single(dataSource, "SELECT count(*) FROM timescaledb_information"
        + ".continuous_aggregates WHERE view_name = 'telemetry_hourly' AND NOT materialized_only"));
  }

  @Test
  @Order(3)
  @DisplayName("schedule compression, retention and the aggregate's refresh")
  void policiesScheduled() throws SQLException {
    assertEquals(2, jobs("policy_compression"));
    assertEquals(3, jobs("policy_retention"));
    assertEquals(1, jobs("policy_refresh_continuous_aggregate"));
  }

  @Test
  @Order(4)
  @DisplayName("still refuse a redelivered reading with the same device, boot, seq and ts")
  void identityWithTs() throws SQLException {
    String insert = "INSERT INTO telemetry (device_id, boot, seq, ts, hr) VALUES ('wb-ts', 'b1', 1, ?, 70)";
    MigratedDatabase.update(dataSource, insert, TS);
    MigratedDatabase.assertViolates("23505", () -> MigratedDatabase.update(dataSource, insert, TS));
    assertEquals(0, MigratedDatabase.update(dataSource, insert + " ON CONFLICT DO NOTHING", TS));
  }

  @Test
  @Order(5)
  @DisplayName("answer the hourly query exactly like the plain view")
  void hourlyQuery() throws SQLException {
    HourlyQuery.assertAnswers(dataSource, "wb-hourly");
  }

  @Test
  @Order(6)
  @DisplayName("leave telemetry to the retention policy and still trim rejected messages in Retention")
  void retentionSkipsHypertables() throws SQLException {
    MigratedDatabase.update(dataSource, "INSERT INTO rejected_messages (received_at, topic, reason) VALUES "
        + "(now() - interval '40 days', 't', 'BAD_JSON')");
    Retention retention = new Retention(null, new Retention.Options(1, 1, 30, 100, 60));
    try (Connection c = dataSource.getConnection()) {
      assertEquals(new Retention.Purged(0, 0, 1), retention.purge(c, Instant.now()));
    }
  }

  @Test
  @Order(7)
  @DisplayName("keep refusing a redelivered reading once its chunk is compressed")
  void identityOnCompressedChunk() throws SQLException {
    // GIVEN the reading of test 4, its chunk compressed
    MigratedDatabase.single(dataSource, "SELECT count(compress_chunk(c)) FROM show_chunks('telemetry') c");
    assertEquals(1, MigratedDatabase.single(dataSource, "SELECT count(*) FROM chunk_compression_stats('telemetry') "
        + "WHERE compression_status = 'Compressed' AND chunk_name IN (SELECT chunk_name FROM "
        + "timescaledb_information.chunks WHERE range_start <= ? AND range_end > ?)", TS, TS));
    // WHEN it is redelivered THEN it is still refused, and skipped quietly with ON CONFLICT DO NOTHING
    String insert = "INSERT INTO telemetry (device_id, boot, seq, ts, hr) VALUES ('wb-ts', 'b1', 1, ?, 70)";
    MigratedDatabase.assertViolates("23505", () -> MigratedDatabase.update(dataSource, insert, TS));
    assertEquals(0, MigratedDatabase.update(dataSource, insert + " ON CONFLICT DO NOTHING", TS));
    assertEquals(1, MigratedDatabase.single(dataSource, "SELECT count(*) FROM telemetry WHERE device_id = 'wb-ts'"));
  }

  private static long jobs(String proc) throws SQLException {
    return MigratedDatabase.single(dataSource, "SELECT count(*) FROM timescaledb_information.jobs WHERE proc_name = ?",
        proc);
  }
}
