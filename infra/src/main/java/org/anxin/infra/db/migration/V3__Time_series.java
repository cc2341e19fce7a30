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
import java.sql.Statement;

/**
 * Chooses the storage of telemetry and device events: TimescaleDB hypertables when the server can load the
 * extension, plain tables otherwise. The SQL of each branch is in {@code db/time-series/}; this class only decides.
 */
public class V3__Time_series extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V3__Time_series.class);

  /**
   * Available is not enough: CREATE EXTENSION fails unless the library is preloaded, so a server that merely has
   * the package installed takes the plain branch instead of failing the migration.
   */
  static final String TIMESCALE_USABLE = """
      SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
         AND (EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
              OR current_setting('shared_preload_libraries') ~ '(^|[\\s,])timescaledb([\\s,]|$)')""";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean timescale = timescaleUsable(connection);
    LOG.info("Telemetry storage: {}", timescale ? "TimescaleDB hypertables" : "plain PostgreSQL tables");
    try (Statement st = connection.createStatement()) {
      st.execute(script(timescale ? "timescaledb.sql" : "plain.sql"));
    }
  }

  static boolean timescaleUsable(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(TIMESCALE_USABLE)) {
      rs.next();
      return rs.getBoolean(1);
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
