package org.anxin.infra.testing;

import org.anxin.infra.db.DatabaseOptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database on the machine's PostgreSQL for one test class, dropped on close. The server is
 * {@code ANXIN_TEST_PG_URL} (a JDBC URL of its maintenance database), default {@code 127.0.0.1:5432} with trust auth
 * as user {@code postgres}; {@code .ci/run} makes sure it runs.
 */
public final class TestDatabase implements AutoCloseable {

  private static final String ADMIN_URL = System.getenv().getOrDefault("ANXIN_TEST_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = System.getenv().getOrDefault("ANXIN_TEST_PG_USER", "postgres");
  private static final String PASSWORD = System.getenv().getOrDefault("ANXIN_TEST_PG_PASSWORD", "");

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  public static TestDatabase create() {
    String name = "anxin_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + name);
    return new TestDatabase(name);
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    int slash = ADMIN_URL.lastIndexOf('/');
    int query = ADMIN_URL.indexOf('?', slash);
    return ADMIN_URL.substring(0, slash + 1) + name + (query < 0 ? "" : ADMIN_URL.substring(query));
  }

  public DatabaseOptions options() {
    return new DatabaseOptions(jdbcUrl(), USER, PASSWORD, 4, 5_000);
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("The test PostgreSQL at " + ADMIN_URL + " refused '" + sql + "': "
          + e.getMessage(), e);
    }
  }
}
