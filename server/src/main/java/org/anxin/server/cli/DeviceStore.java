package org.anxin.server.cli;

import io.vertx.core.Vertx;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.db.DatabaseUnavailableException;
import org.anxin.infra.db.EmbeddedDatabase;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.devices.DeviceRegistrationException;
import org.anxin.infra.devices.DeviceRegistry;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The database a {@code device} subcommand works on, opened for the one command and closed after it: the one of
 * {@code ANXIN_DB_URL}, else the embedded PostgreSQL of a node running on the data folder, else the embedded
 * PostgreSQL started for the command. Also the one place that turns a failure into sentences on standard error and
 * an exit code (1: the devices were refused, 2: the database or a setting could not be used).
 */
final class DeviceStore implements AutoCloseable {

  /** What a subcommand does once the store is open; returns the exit code. */
  @FunctionalInterface
  interface Work {
    int run(DeviceStore store, PrintWriter out) throws IOException;
  }

  final Settings settings;
  final DeviceRegistry registry;
  private final Vertx vertx;
  private final EmbeddedDatabase embedded;
  private final Database database;

  private DeviceStore(Vertx vertx, Settings settings, EmbeddedDatabase embedded, Database database) {
    this.vertx = vertx;
    this.settings = settings;
    this.embedded = embedded;
    this.database = database;
    this.registry = new DeviceRegistry(database);
  }

  static int run(CommandSpec spec, Work work) {
    PrintWriter err = spec.commandLine().getErr();
    try (DeviceStore store = open()) {
      return work.run(store, spec.commandLine().getOut());
    } catch (RuntimeException | IOException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof DeviceRegistrationException refused) {
        refused.problems().forEach(err::println);
        err.println("Nothing was stored.");
        return 1;
      }
      if (cause instanceof ConfigException || cause instanceof DatabaseUnavailableException
          || cause instanceof IOException || cause instanceof UncheckedIOException) {
        err.println(cause.getMessage());
        return 2;
      }
      throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
    }
  }

  private static DeviceStore open() {
    Vertx vertx = Vertx.vertx();
    try {
      Settings settings = Settings.load(vertx, Map.of());
      DatabaseOptions options = DatabaseOptions.from(settings);
      Path dataDir = NodeOptions.from(settings).dataDir();
      if (options.embedded()) {
        options = RunningEmbeddedDatabase.find(dataDir, options).orElse(options);
      }
      EmbeddedDatabase embedded = options.embedded() ? EmbeddedDatabase.start(dataDir) : null;
      Database database = Database.open(vertx, embedded == null ? options : embedded.options(options));
      Migrations.apply(database.dataSource());
      return new DeviceStore(vertx, settings, embedded, database);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  @Override
  public void close() {
    database.close();
    if (embedded != null) {
      embedded.close();
    }
    vertx.close().await();
  }
}
