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
 * The node's database: the configured one, or an embedded PostgreSQL in {@code <data>/pg} when none is configured.
 * Starting, opening and migrating block, so they run on a worker.
 */
public final class NodeStorage {

  private static final Logger LOG = LoggerFactory.getLogger(NodeStorage.class);

  private final Vertx vertx;
  private final EmbeddedDatabase embedded;
  private final Database database;

  private NodeStorage(Vertx vertx, EmbeddedDatabase embedded, Database database) {
    this.vertx = vertx;
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
      return new NodeStorage(vertx, embedded, Database.open(vertx, effective));
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

  /** Applies the migrations; the future holds how many this call applied (0 when the schema was current). */
  public Future<Integer> migrate() {
    return vertx.executeBlocking(() -> Migrations.apply(database.dataSource()).migrationsExecuted, false)
        .onSuccess(applied -> LOG.info("Schema up to date ({} migrations applied now)", applied));
  }

  public Database database() {
    return database;
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
