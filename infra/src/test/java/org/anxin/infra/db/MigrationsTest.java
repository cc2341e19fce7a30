package org.anxin.infra.db;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The migrations on a fresh database of the machine's PostgreSQL")
class MigrationsTest {

  @RegisterExtension
  static final MigratedDatabase db = new MigratedDatabase();

  @Test
  @DisplayName("apply cleanly to an empty database, every version included")
  void applyCleanly() {
    // GIVEN an empty database WHEN the migrations ran (before all) THEN all of them succeeded
    assertTrue(db.firstMigration().success);
    assertEquals(7, db.firstMigration().migrationsExecuted);
  }

  @Test
  @DisplayName("applied a second time in a row do nothing and raise no error")
  void secondApplyIsNoOp() {
    // GIVEN a migrated database WHEN the migrations are applied again
    MigrateResult again = Migrations.apply(db.dataSource());
    // THEN nothing is executed
    assertTrue(again.success);
    assertEquals(0, again.migrationsExecuted);
  }

  @Test
  @DisplayName("create every table of the schema contract, and telemetry_hourly as a plain view")
  void contractTablesExist() throws SQLException {
    for (String table : MigratedDatabase.CONTRACT_TABLES) {
      assertTrue(MigratedDatabase.relationExists(db.dataSource(), table), table + " is missing");
    }
    assertEquals(1, db.single("SELECT count(*) FROM pg_views WHERE viewname = 'telemetry_hourly'"));
  }

  @Test
  @DisplayName("reject a device id outside the protocol's pattern")
  void deviceIdPattern() {
    // GIVEN a migrated database WHEN a device with a slash in its id is inserted THEN the CHECK refuses it
    MigratedDatabase.assertViolates("23514",
        () -> db.update("INSERT INTO devices (id, type, secret_hash) VALUES ('wb/1', 'WRISTBAND', 'h')"));
  }
}
