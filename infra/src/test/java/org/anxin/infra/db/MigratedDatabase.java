package org.anxin.infra.db;

import org.anxin.infra.testing.TestDatabase;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A fresh database on the machine's PostgreSQL ({@link TestDatabase}) with the migrations applied, for one test class
 * ({@code @RegisterExtension static final MigratedDatabase db = new MigratedDatabase();}), and one-line statements.
 */
final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

  /** The tables of the schema contract (COMMON.md), plus the schema's own device_boots. */
  static final List<String> CONTRACT_TABLES = List.of("townships", "villages", "households", "elders", "devices",
      "safe_zones", "carers", "carer_elders", "shifts", "volunteers", "users", "user_elders", "providers",
      "provider_areas", "telemetry", "device_events", "device_state", "rejected_messages", "alarms", "alarm_events",
      "service_orders", "order_events", "calls", "call_events", "audit_log", "device_boots");

  private TestDatabase database;
  private DataSource dataSource;
  private MigrateResult firstMigration;

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabase.create();
    dataSource = dataSource(database.jdbcUrl(), database.options().user(), database.options().password());
    firstMigration = Migrations.apply(dataSource);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    database.close();
  }

  static DataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  DataSource dataSource() {
    return dataSource;
  }

  DatabaseOptions options() {
    return database.options();
  }

  MigrateResult firstMigration() {
    return firstMigration;
  }

  /** Runs one parameterised statement and returns the first column of its first row, or the update count. */
  long update(String sql, Object... params) throws SQLException {
    return update(dataSource, sql, params);
  }

  long single(String sql, Object... params) throws SQLException {
    return single(dataSource, sql, params);
  }

  static long update(DataSource ds, String sql, Object... params) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement st = prepare(c, sql, params)) {
      if (st.execute()) {
        try (ResultSet rs = st.getResultSet()) {
          rs.next();
          return rs.getLong(1);
        }
      }
      return st.getUpdateCount();
    }
  }

  static long single(DataSource ds, String sql, Object... params) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement st = prepare(c, sql, params);
         ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static boolean relationExists(DataSource ds, String name) throws SQLException {
    return single(ds, "SELECT count(*) FROM pg_class WHERE relname = ? AND relnamespace = 'public'::regnamespace"
        + " AND relkind IN ('r', 'v', 'm', 'p')", name) > 0;
  }

  /** Asserts that the statement fails with the given SQLSTATE (23505 unique, 23514 check, 23503 foreign key). */
  static void assertViolates(String sqlState, Sql statement) {
    SQLException e = assertThrows(SQLException.class, statement::run);
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
  }

  /** A statement expected to fail. */
  @FunctionalInterface
  interface Sql {
    void run() throws SQLException;
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      st.setObject(i + 1, params[i]);
    }
    return st;
  }
}
