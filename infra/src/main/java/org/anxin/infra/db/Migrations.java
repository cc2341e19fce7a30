package org.anxin.infra.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Applies the schema (Flyway); safe to run on every start. SQL migrations live in {@code db/migration}, Java ones
 * (those that decide something, such as the TimescaleDB branch) in {@code org.anxin.infra.db.migration}.
 */
public final class Migrations {

  private Migrations() {
  }

  public static MigrateResult apply(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:org/anxin/infra/db/migration")
        .load()
        .migrate();
  }
}
