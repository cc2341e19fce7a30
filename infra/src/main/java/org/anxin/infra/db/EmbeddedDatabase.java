package org.anxin.infra.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL of the default mode (zonky's binaries). Its cluster lives in {@code <data>/pg} and
 * survives restarts; it listens on loopback only, on a free port chosen at each start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path pgDir = dataDir.resolve("pg");
    try {
      Files.createDirectories(pgDir);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(pgDir)
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("unix_socket_directories", "")
          .setServerConfig("max_connections", "100")
          // zonky's test defaults turn fsync and synchronous commit off; acknowledged messages must survive a crash
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
      return new EmbeddedDatabase(pg);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL in " + pgDir + " did not start: " + e.getMessage(), e);
    }
  }

  /** Options pointing at this database, keeping the pool settings of {@code base}. */
  public DatabaseOptions options(DatabaseOptions base) {
    return base.withUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
