package org.anxin.infra.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.db.EmbeddedDatabase;
import org.anxin.infra.db.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The node's database: the configured one, or an embedded PostgreSQL in {@code <data>/pg} when none is configured;
 * opened and migrated before anything else runs. Starting and migrating block, so they run on a worker.
 */
public final class NodeStorage {

  private static final Logger LOG = LoggerFactory.getLogger(NodeStorage.class);

  private final EmbeddedDatabase embedded;
  private final Database database;
  private int migrationsApplied;

  private NodeStorage(EmbeddedDatabase embedded, Database database) {
    this.embedded = embedded;
    this.database = database;
  }

  public static Future<NodeStorage> open(Vertx vertx, Path dataDir, DatabaseOptions options) {
    return vertx.executeBlocking(() -> openBlocking(vertx, dataDir, options), false);
  }

  private static NodeStorage openBlocking(Vertx vertx, Path dataDir, DatabaseOptions options) {
    EmbeddedDatabase embedded = options.embedded() ? startEmbedded(dataDir) : null;
    DatabaseOptions effective = embedded == null ? options : embedded.options(options);
    try {
      Database database = Database.open(vertx, effective);
      NodeStorage storage = new NodeStorage(embedded, database);
      storage.migrate();
      return storage;
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private static EmbeddedDatabase startEmbedded(Path dataDir) {
    long started = System.nanoTime();
    EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir);
    LOG.info("Embedded PostgreSQL started in {} ms on 127.0.0.1:{}, data in {}",
        (System.nanoTime() - started) / 1_000_000, embedded.port(), dataDir.resolve("pg"));
    return embedded;
  }

  private void migrate() {
    try {
      migrationsApplied = Migrations.apply(database.dataSource()).migrationsExecuted;
      LOG.info("Schema up to date ({} migrations applied now)", migrationsApplied);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public Database database() {
    return database;
  }

  /** How many migrations this start applied; 0 when the schema was already current. */
  public int migrationsApplied() {
    return migrationsApplied;
  }

  public boolean embedded() {
    return embedded != null;
  }

  /** Closes the pool, then stops the embedded PostgreSQL if this node started one. Blocking. */
  public void close() {
    database.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
