package org.anxin.infra.db;

import org.anxin.infra.config.Settings;

/**
 * Where the database is. With no {@code ANXIN_DB_URL} the node starts an embedded PostgreSQL in the data folder.
 */
public record DatabaseOptions(String url, String user, String password, int poolSize, long connectTimeoutMs) {

  public static final String URL = "ANXIN_DB_URL";
  public static final String USER = "ANXIN_DB_USER";
  public static final String PASSWORD = "ANXIN_DB_PASSWORD";
  public static final String POOL_SIZE = "ANXIN_DB_POOL_SIZE";
  public static final String CONNECT_TIMEOUT_MS = "ANXIN_DB_CONNECT_TIMEOUT_MS";

  public static DatabaseOptions from(Settings s) {
    return new DatabaseOptions(s.optional(URL), s.string(USER, "postgres"), s.string(PASSWORD, ""),
        s.integer(POOL_SIZE, 10), s.longValue(CONNECT_TIMEOUT_MS, 10_000));
  }

  public boolean embedded() {
    return url == null;
  }

  public DatabaseOptions withUrl(String jdbcUrl, String dbUser, String dbPassword) {
    return new DatabaseOptions(jdbcUrl, dbUser, dbPassword, poolSize, connectTimeoutMs);
  }
}
