package org.anxin.infra.db;

import org.anxin.infra.testing.TestDatabase;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The migrations on a fresh database of the machine's PostgreSQL")
class MigrationsTest {

  private static TestDatabase database;
  private static DataSource dataSource;
  private static MigrateResult first;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.create();
    dataSource = SchemaFixture.dataSource(database.jdbcUrl(), database.options().user(),
        database.options().password());
    first = Migrations.apply(dataSource);
  }

  @AfterAll
  static void drop() {
    database.close();
  }

  @Test
  @DisplayName("apply cleanly to an empty database, every version included")
  void applyCleanly() {
    // GIVEN an empty database WHEN the migrations ran (in @BeforeAll) THEN all of them succeeded
    assertTrue(first.success);
    assertEquals(7, first.migrationsExecuted);
  }

  @Test
  @DisplayName("applied a second time in a row do nothing and raise no error")
  void secondApplyIsNoOp() {
    // GIVEN a migrated database WHEN the migrations are applied again
    MigrateResult again = Migrations.apply(dataSource);
    // THEN nothing is executed
    assertTrue(again.success);
    assertEquals(0, again.migrationsExecuted);
  }

  @Test
  @DisplayName("create every table of the schema contract and the telemetry_hourly view")
  void contractTablesExist() throws SQLException {
    for (String table : SchemaFixture.CONTRACT_TABLES) {
      assertTrue(SchemaFixture.relationExists(dataSource, table), table + " is missing");
    }
    assertTrue(SchemaFixture.relationExists(dataSource, "telemetry_hourly"));
  }
}
