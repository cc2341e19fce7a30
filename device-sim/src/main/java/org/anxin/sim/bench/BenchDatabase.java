package org.anxin.sim.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.DeviceType;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks' view of the platform's database: bench devices registered through the platform's own
 * {@link DeviceRegistry} (so they authenticate like any device) and removed afterwards, committed rows counted,
 * and the {@code copy_only} baseline.
 */
public final class BenchDatabase implements AutoCloseable {

  private static final long POLL_MS = 250;

  private final Vertx vertx;
  private final Database database;

  /** What the COPY baseline did. */
  public record CopyResult(long rows, long millis, double rowsPerSecond) {
  }

  /** How many rows were committed, and when the count last grew. */
  public record Committed(long rows, long settledAtMs) {
  }

  public BenchDatabase(DatabaseOptions options) {
    this.vertx = Vertx.vertx();
    this.database = Database.open(vertx, options);
  }

  /** Registers {@code count} wristbands {@code prefix00001…} and returns their credentials. */
  public List<DeviceCredentials> register(String prefix, int count) {
    cleanUp(prefix);
    StringBuilder csv = new StringBuilder("device_id,type,model,elder_id,household_id,interval_s\n");
    for (int i = 1; i <= count; i++) {
      csv.append(BenchDevices.id(prefix, i)).append(",WRISTBAND,anxin-sim-bench,,,60\n");
    }
    List<IssuedSecret> issued = await(new DeviceRegistry(database).importCsv(new StringReader(csv.toString())));
    return issued.stream()
        .map(s -> new DeviceCredentials(s.deviceId(), s.secret(), DeviceType.WRISTBAND, s.elderId())).toList();
  }

  public int cleanUp(String prefix) {
    return await(database.inTransaction(c -> BenchSql.deleteBenchDevices(c, prefix)));
  }

  /**
   * Waits until {@code expected} rows are committed or the count has not grown for {@code quietMs}, at most
   * {@code timeoutMs}.
   */
  public Committed awaitCommitted(String prefix, long sinceMs, long expected, long quietMs, long timeoutMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    long rows = -1;
    long settledAt = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline) {
      long now = await(database.withConnection(c -> BenchSql.committedTelemetry(c, prefix, sinceMs)));
      if (now != rows) {
        rows = now;
        settledAt = System.currentTimeMillis();
      }
      if (rows >= expected || System.currentTimeMillis() - settledAt > quietMs) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MS);
    }
    return new Committed(Math.max(0, rows), settledAt);
  }

  /** COPYs {@code rows} rows like the bench's readings into a scratch copy of telemetry, {@code batch} at a time. */
  public CopyResult copyBaseline(long rows, int batch) {
    return await(database.withConnection(c -> {
      BenchSql.createScratchTelemetry(c);
      long started = System.nanoTime();
      long done = 0;
      while (done < rows) {
        int n = (int) Math.min(batch, rows - done);
        copy(c, BenchDevices.copyRows(done, n));
        done += n;
      }
      long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      return new CopyResult(done, millis, done * 1000.0 / millis);
    }));
  }

  private static void copy(Connection c, String csvRows) throws SQLException {
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(BenchSql.copyStatement(), new StringReader(csvRows));
    } catch (IOException e) {
      throw new SQLException("COPY could not read its rows", e);
    }
  }

  /** Messages of the bench's devices the gateway rejected since {@code sinceMs}. */
  public long rejected(String prefix, long sinceMs) {
    return await(database.withConnection(c -> BenchSql.rejected(c, prefix, sinceMs)));
  }

  public Map<String, Long> alarmsRaised(String prefix) {
    return await(database.withConnection(c -> BenchSql.alarmsRaised(c, prefix)));
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.MINUTES).join();
  }

  @Override
  public void close() {
    database.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
