package org.anxin.infra.alarm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The store thread of {@link AlarmRaiser}: writes journalled alarm operations one by one, in order, on a connection
 * of its own, so no telemetry batch is ever in front of an alarm. While the database is down it keeps the
 * operation at the head and tries again every retry delay; an operation the database refuses for good (a broken
 * reference, say) is set aside in {@code outbox.rejected} rather than blocking every alarm behind it.
 */
final class AlarmWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlarmWriter.class);
  private static final AlarmJournal.Entry STOP = new AlarmJournal.Entry(-1, "stop", null);

  private final DataSource dataSource;
  private final AlarmJournal journal;
  private final AlarmOptions options;
  private final AlarmBus bus;
  private final AlarmMetrics metrics;
  private final AlarmStore store = new AlarmStore();
  private final BlockingQueue<AlarmJournal.Entry> queue = new LinkedBlockingQueue<>();
  private final Thread thread = new Thread(this::loop, "anxin-alarm-store");
  private final Object pause = new Object();
  private volatile AlarmJournal.Entry inFlight;
  private volatile boolean stopping;
  private Consumer<AlarmStored> listener = s -> { };
  private Connection connection;

  AlarmWriter(DataSource dataSource, AlarmJournal journal, AlarmOptions options, AlarmBus bus,
              AlarmMetrics metrics) {
    this.metrics = metrics;
    this.dataSource = dataSource;
    this.journal = journal;
    this.options = options;
    this.bus = bus;
  }

  void onStored(Consumer<AlarmStored> listener) {
    this.listener = listener;
  }

  void start(List<AlarmJournal.Entry> replay) {
    queue.addAll(replay);
    thread.setDaemon(true);
    thread.start();
  }

  void submit(List<AlarmJournal.Entry> entries) {
    queue.addAll(entries);
  }

  /** The raises journalled and not yet in the database. */
  List<RaiseRequest> pendingRaises() {
    List<AlarmJournal.Entry> pending = new ArrayList<>();
    AlarmJournal.Entry current = inFlight;
    if (current != null) {
      pending.add(current);
    }
    pending.addAll(queue);
    return pending.stream().filter(e -> "raise".equals(e.op())).map(e -> RaiseRequest.fromJson(e.body())).toList();
  }

  /** How many operations wait for the database, the one being written included. */
  int backlog() {
    return queue.size() + (inFlight == null ? 0 : 1);
  }

  /** Reads the open alarms on a connection of its own; blocking. */
  List<OpenAlarm> readOpenAlarms() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return store.openAlarms(c);
    }
  }

  private void loop() {
    try {
      while (!stopping) {
        AlarmJournal.Entry entry = queue.take();
        if (entry == STOP) {
          break;
        }
        inFlight = entry;
        storeUntilDone(entry);
        inFlight = null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      dropConnection();
    }
  }

  private void storeUntilDone(AlarmJournal.Entry entry) {
    boolean waiting = false;
    while (!stopping) {
      try {
        long started = System.nanoTime();
        AlarmStored stored = write(entry);
        metrics.stored(stored.outcome(), System.nanoTime() - started);
        if (waiting) {
          LOG.info("The database takes alarm writes again");
        }
        acknowledge(entry);
        bus.publishStored(stored);
        listener.accept(stored);
        return;
      } catch (SQLException e) {
        dropConnection();
        if (!isTransient(e)) {
          setAside(entry, e);
          return;
        }
        if (!waiting) {
          LOG.warn("The database refuses alarm writes ({}); alarms are published and kept in the outbox, trying "
              + "again every {} ms", e.getMessage(), options.retryDelay().toMillis());
          waiting = true;
        }
        pauseBeforeRetry();
      }
    }
  }

  private AlarmStored write(AlarmJournal.Entry entry) throws SQLException {
    Connection c = connection();
    try {
      Instant at = Instant.ofEpochMilli(entry.body().getLong(AlarmRaiser.RAISED_AT));
      AlarmStored stored = entry.op().equals("raise")
          ? store.raise(c, RaiseRequest.fromJson(entry.body()), at)
          : store.clear(c, ClearRequest.fromJson(entry.body()), at);
      c.commit();
      return stored;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      throw e;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private void dropConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("Closing a failed alarm connection: {}", e.getMessage());
      }
      connection = null;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.debug("Rollback of a failed alarm write: {}", e.getMessage());
    }
  }

  private void acknowledge(AlarmJournal.Entry entry) {
    if (entry.n() <= 0) {
      return;
    }
    try {
      journal.ack(entry.n());
    } catch (IOException e) {
      LOG.warn("The outbox could not record that alarm write {} is stored ({}); it will be replayed harmlessly",
          entry.n(), e.getMessage());
    }
  }

  private void setAside(AlarmJournal.Entry entry, SQLException e) {
    LOG.error("The database refused an alarm write for good ({}, {}); it is kept in outbox.rejected: {}",
        e.getSQLState(), e.getMessage(), entry.body().encode());
    try {
      Files.writeString(options.journalDir().resolve("outbox.rejected"),
          entry.line().stripTrailing() + " " + e.getSQLState() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException io) {
      LOG.error("outbox.rejected cannot be written: {}", io.getMessage());
    }
    acknowledge(entry);
  }

  /** Connection trouble, an overloaded or restarting server, or a lost race: worth trying again. */
  static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException || e instanceof SQLRecoverableException || state == null
        || state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("40");
  }

  private void pauseBeforeRetry() {
    synchronized (pause) {
      try {
        pause.wait(options.retryDelay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
      }
    }
  }

  @Override
  public void close() {
    stopping = true;
    queue.add(STOP);
    synchronized (pause) {
      pause.notifyAll();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
