package org.anxin.dispatcher.testing;

import io.vertx.core.Vertx;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A migrated test database for one test class, with a pool on its own Vert.x, and small helpers to insert fixtures
 * and read results with plain SQL.
 */
public final class DispatcherDb implements AutoCloseable {

  private final TestDatabase testDatabase;
  private final Vertx poolVertx;
  private final Database database;

  private DispatcherDb(TestDatabase testDatabase, Vertx poolVertx, Database database) {
    this.testDatabase = testDatabase;
    this.poolVertx = poolVertx;
    this.database = database;
  }

  public static DispatcherDb create() {
    TestDatabase db = TestDatabase.create();
    Vertx vertx = Vertx.vertx();
    Database database = Database.open(vertx, db.options());
    Migrations.apply(database.dataSource());
    return new DispatcherDb(db, vertx, database);
  }

  public Database database() {
    return database;
  }

  public TestDatabase testDatabase() {
    return testDatabase;
  }

  /** Runs an INSERT … RETURNING id (or any query whose first column is a number) and answers that number. */
  public long insert(String sql, Object... params) {
    return number(sql, params);
  }

  public long number(String sql, Object... params) {
    List<List<Object>> rows = rows(sql, params);
    if (rows.isEmpty() || rows.get(0).get(0) == null) {
      return 0;
    }
    return ((Number) rows.get(0).get(0)).longValue();
  }

  public List<List<Object>> rows(String sql, Object... params) {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      boolean hasRows = ps.execute();
      List<List<Object>> out = new ArrayList<>();
      if (!hasRows) {
        return out;
      }
      try (ResultSet rs = ps.getResultSet()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The first column of every row, as strings. */
  public List<String> strings(String sql, Object... params) {
    return rows(sql, params).stream().map(r -> String.valueOf(r.get(0))).toList();
  }

  public void execute(String sql, Object... params) {
    rows(sql, params);
  }

  @Override
  public void close() {
    database.close();
    poolVertx.close().await();
    testDatabase.close();
  }
}
