package org.anxin.infra.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Applies the schema (Flyway); safe to run on every start. SQL migrations live in {@code db/migration}, Java ones
 * (those that decide something, such as the TimescaleDB branch) in {@code org.anxin.infra.db.migration}.
 */
public final class Migrations {

  private Migrations() {
  }

  public static MigrateResult apply(DataSource dataSource) {
    return flyway(dataSource).migrate();
  }

  /** How many versioned migrations the build ships, whatever has been applied to the database. */
  public static int shipped(DataSource dataSource) {
    return (int) Arrays.stream(flyway(dataSource).info().all()).filter(m -> m.getVersion() != null).count();
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:org/anxin/infra/db/migration")
        .load();
  }
}
