package org.anxin.server.cli;

import io.vertx.core.Vertx;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.node.NodeStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** Applies the schema migrations to the configured (or embedded) database and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Apply the database migrations (ANXIN_DB_URL, or the embedded PostgreSQL in ANXIN_DATA_DIR) and exit.")
public final class MigrateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    Vertx vertx = Vertx.vertx();
    try {
      Settings settings = Settings.load(vertx, Map.of());
      NodeStorage storage = NodeStorage.open(vertx, NodeOptions.from(settings).dataDir(),
          DatabaseOptions.from(settings)).await();
      try {
        int applied = storage.migrate().await();
        spec.commandLine().getOut().println("The schema is up to date (" + applied + " migrations applied now).");
        return 0;
      } finally {
        storage.close();
      }
    } finally {
      vertx.close().await();
    }
  }
}
