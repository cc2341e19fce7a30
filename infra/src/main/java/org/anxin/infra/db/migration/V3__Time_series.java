package org.anxin.infra.db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Chooses the storage of telemetry and device events: TimescaleDB hypertables when the server can load the
 * extension, plain tables otherwise. The SQL of each branch is in {@code db/time-series/}; this class only decides.
 */
public class V3__Time_series extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V3__Time_series.class);

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean timescale = available(connection) && created(connection);
    LOG.info("Telemetry storage: {}", timescale ? "TimescaleDB hypertables" : "plain PostgreSQL tables");
    try (Statement st = connection.createStatement()) {
      st.execute(script(timescale ? "timescaledb.sql" : "plain.sql"));
    }
  }

  private static boolean available(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /**
   * Available is not enough: a server with the package installed but the library not in
   * {@code shared_preload_libraries} refuses CREATE EXTENSION. Trying it under a savepoint lets such a server take
   * the plain branch instead of failing the migration.
   */
  private static boolean created(Connection connection) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
      connection.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      connection.rollback(savepoint);
      LOG.warn("TimescaleDB is installed but cannot be loaded ({}); telemetry stays in plain tables", e.getMessage());
      return false;
    }
  }

  private static String script(String name) {
    String path = "db/time-series/" + name;
    try (InputStream in = V3__Time_series.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Migration script " + path + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
