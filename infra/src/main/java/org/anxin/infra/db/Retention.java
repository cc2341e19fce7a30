package org.anxin.infra.db;

import io.vertx.core.Future;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes old time-series rows where no TimescaleDB retention policy does it: telemetry and device_events on plain
 * PostgreSQL, rejected_messages always. The node calls {@link #run()} on a timer. Rows go in bounded batches, each
 * its own short transaction, so a large backlog never holds locks or bloats one transaction.
 */
public final class Retention {

  /** How long each kind of row is kept, and how many rows one delete may take. */
  public record Options(int telemetryDays, int deviceEventsDays, int rejectedDays, int batchSize,
                        int intervalMinutes) {

    public static final String TELEMETRY_DAYS = "ANXIN_RETENTION_TELEMETRY_DAYS";
    public static final String DEVICE_EVENTS_DAYS = "ANXIN_RETENTION_DEVICE_EVENTS_DAYS";
    public static final String REJECTED_DAYS = "ANXIN_RETENTION_REJECTED_DAYS";
    public static final String BATCH_SIZE = "ANXIN_RETENTION_BATCH_SIZE";
    public static final String INTERVAL_MINUTES = "ANXIN_RETENTION_INTERVAL_MINUTES";

    public static Options from(Settings s) {
      return new Options(positive(s, TELEMETRY_DAYS, 400), positive(s, DEVICE_EVENTS_DAYS, 1095),
          positive(s, REJECTED_DAYS, 30), positive(s, BATCH_SIZE, 5_000), positive(s, INTERVAL_MINUTES, 60));
    }

    private static int positive(Settings s, String key, int fallback) {
      int value = s.integer(key, fallback);
      if (value < 1) {
        throw new ConfigException(key + " must be at least 1, not " + value);
      }
      return value;
    }
  }

  /** Rows deleted by one run, per table. */
  public record Purged(long telemetry, long deviceEvents, long rejectedMessages) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final Database database;
  private final Options options;

  public Retention(Database database, Options options) {
    this.database = database;
    this.options = options;
  }

  /** One pass with cutoffs counted back from now; completes on a database worker thread. */
  public Future<Purged> run() {
    return database.withConnection(c -> purge(c, Instant.now()))
        .onSuccess(p -> LOG.info("Retention deleted {} telemetry, {} device event and {} rejected message rows",
            p.telemetry(), p.deviceEvents(), p.rejectedMessages()));
  }

  /** Blocking: deletes every row older than its table's cutoff before {@code now}. */
  public Purged purge(Connection connection, Instant now) throws SQLException {
    boolean policiesDoTimeSeries = timescaleInstalled(connection);
    long telemetry = policiesDoTimeSeries ? 0
        : deleteOlder(connection, "telemetry", "ts", cutoff(now, options.telemetryDays()));
    long events = policiesDoTimeSeries ? 0
        : deleteOlder(connection, "device_events", "ts", cutoff(now, options.deviceEventsDays()));
    long rejected = deleteOlder(connection, "rejected_messages", "received_at", cutoff(now, options.rejectedDays()));
    return new Purged(telemetry, events, rejected);
  }

  private long deleteOlder(Connection connection, String table, String timeColumn, Instant cutoff)
      throws SQLException {
    // Table and column names come from the constants above, never from input; the cutoff is a parameter.
    String sql = "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM " + table + " WHERE "
        + timeColumn + " < ? LIMIT ?))";
    long total = 0;
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setTimestamp(1, Timestamp.from(cutoff));
      st.setInt(2, options.batchSize());
      int deleted;
      do {
        deleted = st.executeUpdate();
        total += deleted;
      } while (deleted == options.batchSize());
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return total;
  }

  private static boolean timescaleInstalled(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static Instant cutoff(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }
}
