package org.anxin.infra.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The PostgreSQL pool (pgjdbc + HikariCP). JDBC blocks, so every call runs on the pool's own worker threads, never
 * on an event loop: {@link #withConnection} and {@link #inTransaction} return a {@link Future} completed there.
 */
public final class Database implements AutoCloseable {

  /** One JDBC unit of work. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DatabaseOptions options;
  private final HikariDataSource dataSource;
  private final WorkerExecutor workers;

  private Database(DatabaseOptions options, HikariDataSource dataSource, WorkerExecutor workers) {
    this.options = options;
    this.dataSource = dataSource;
    this.workers = workers;
  }

  /**
   * Opens the pool and checks that the database answers; fails with {@link DatabaseUnavailableException} carrying
   * one sentence when it does not.
   */
  public static Database open(Vertx vertx, DatabaseOptions options) {
    return open(vertx, options, "anxin-db");
  }

  /**
   * A pool of its own, with its own worker threads, both called {@code name}: for work that must not queue behind
   * another module's (the dispatcher's alarm routing behind the gateway's telemetry batches).
   */
  public static Database open(Vertx vertx, DatabaseOptions options, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(options.url());
    config.setUsername(options.user());
    config.setPassword(options.password());
    config.setMaximumPoolSize(options.poolSize());
    config.setPoolName(name);
    config.setConnectionTimeout(options.connectTimeoutMs());
    config.setInitializationFailTimeout(options.connectTimeoutMs());
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, options.connectTimeoutMs() / 1000)));
    config.addDataSourceProperty("ApplicationName", "anxin");
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new DatabaseUnavailableException("The database at " + redact(options.url())
          + " cannot be reached: " + rootMessage(e), e);
    }
    return new Database(options, ds, vertx.createSharedWorkerExecutor(name, options.poolSize()));
  }

  public <T> Future<T> withConnection(Work<T> work) {
    return workers.executeBlocking(() -> {
      try (Connection c = dataSource.getConnection()) {
        return work.run(c);
      }
    }, false);
  }

  /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> Future<T> inTransaction(Work<T> work) {
    return workers.executeBlocking(() -> {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      }
    }, false);
  }

  /** The options it was opened with (the embedded database's URL once started). */
  public DatabaseOptions options() {
    return options;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether a connection can be had and answers now; blocking, for health checks on a worker. */
  public Future<Boolean> ping() {
    return withConnection(c -> c.isValid(2));
  }

  @Override
  public void close() {
    dataSource.close();
    workers.close();
  }

  static String redact(String url) {
    return url == null ? "(none)" : url.replaceAll("password=[^&]*", "password=***");
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
