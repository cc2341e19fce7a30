package org.anxin.infra.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/** Applies the schema (Flyway, {@code classpath:db/migration}); safe to run on every start. */
public final class Migrations {

  private Migrations() {
  }

  public static MigrateResult apply(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
