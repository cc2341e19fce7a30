package org.anxin.infra.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The migrations on the embedded PostgreSQL of the default mode")
class EmbeddedMigrationsTest {

  @Test
  @DisplayName("apply cleanly to an empty embedded cluster, then again as a no-op, and create every contract table")
  void applyOnEmbedded() throws Exception {
    // GIVEN an empty embedded cluster under target/
    Path dir = Files.createTempDirectory(Path.of("target"), "embedded-pg-");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
        .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("unix_socket_directories", "").start()) {
      DataSource ds = pg.getPostgresDatabase();
      // WHEN the migrations are applied twice in a row
      MigrateResult first = Migrations.apply(ds);
      MigrateResult second = Migrations.apply(ds);
      // THEN the first runs them all, the second none, and the contract's tables are there
      assertTrue(first.success);
      assertEquals(Migrations.shipped(ds), first.migrationsExecuted);
      assertEquals(0, second.migrationsExecuted);
      for (String table : MigratedDatabase.CONTRACT_TABLES) {
        assertTrue(MigratedDatabase.relationExists(ds, table), table + " is missing");
      }
    }
  }
}
