package org.anxin.infra.alarm;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;

/**
 * The one way to raise an alarm, for any module (the gateway's rules, the hotline's emergency key).
 *
 * <p>{@link #raise} publishes {@code alarm.raised} at once, on the caller's thread, and hands the alarm to two
 * threads of its own that no telemetry waits in front of: the journal thread appends it to the outbox file and
 * fsyncs (the returned future completes then), the store thread writes it on its own connection, in order, trying
 * again while the database is down. Entries left in the outbox by a crash are stored on the next start. Which
 * alarms are open is kept in memory (reloaded by {@link #reloadOpen}) so that a repeat, also after a restart, is
 * published as a repeat and stored as an occurrence, never as a new alarm. An alarm a person closes
 * ({@code alarm.changed} RESOLVED, FALSE_ALARM or CLOSED) leaves the set at once: the next raise of its elder or
 * household and type is a new alarm, published as new, so a carer's page sounds for it.
 */
public final class AlarmRaiser implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlarmRaiser.class);
  private static final int GROUP_COMMIT = 256;
  /** The journalled field with the time the platform raised or cleared: the alarm's times, however late stored. */
  static final String RAISED_AT = "raisedAt";

  private record Work(String op, JsonObject body, Promise<Void> durable, Context context) {
  }

  /** Stops the journal thread without interrupting it: an interrupt would close the outbox file mid-write. */
  private static final Work STOP = new Work("stop", null, null, null);

  private final AlarmBus bus;
  private final AlarmJournal journal;
  private final AlarmWriter writer;
  private final BlockingQueue<Work> inbox = new LinkedBlockingQueue<>();
  private final Set<String> open = ConcurrentHashMap.newKeySet();
  private final Vertx vertx;
  private final Thread journalThread;
  private final AlarmMetrics metrics;
  private MessageConsumer<JsonObject> closings;

  private AlarmRaiser(Vertx vertx, AlarmJournal journal, AlarmWriter writer, AlarmMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.bus = new AlarmBus(vertx.eventBus());
    this.journal = journal;
    this.writer = writer;
    this.journalThread = new Thread(this::journalLoop, "anxin-alarm-journal");
  }

  /** Opens the outbox, queues what it still holds for the database, and starts the two threads. */
  public static AlarmRaiser start(Vertx vertx, DataSource dataSource, AlarmOptions options, AlarmMetrics metrics)
      throws IOException {
    AlarmJournal journal = AlarmJournal.open(options.journalDir());
    AlarmBus bus = new AlarmBus(vertx.eventBus());
    AlarmWriter writer = new AlarmWriter(dataSource, journal, options, bus, metrics);
    AlarmRaiser raiser = new AlarmRaiser(vertx, journal, writer, metrics);
    metrics.outboxPending(writer::backlog);
    writer.onStored(raiser::afterStored);
    List<AlarmJournal.Entry> replay = journal.unacknowledged();
    if (!replay.isEmpty()) {
      LOG.info("Replaying {} alarm writes left in the outbox {}", replay.size(), options.journalDir());
    }
    replay.stream().filter(e -> e.op().equals("raise"))
        .forEach(e -> raiser.open.add(openKey(RaiseRequest.fromJson(e.body()))));
    raiser.closings = new DispatchBus(vertx.eventBus()).onChanged(raiser::afterChanged);
    writer.start(replay);
    raiser.journalThread.setDaemon(true);
    raiser.journalThread.start();
    return raiser;
  }

  /**
   * Publishes the alarm on {@code alarm.raised} now and queues it for the database. The future completes once it
   * is in the outbox on disk; a caller acknowledging the message that raised it should wait for that.
   */
  public Future<Void> raise(RaiseRequest request) {
    boolean repeat = !open.add(openKey(request));
    Instant now = Instant.now();
    bus.publishRaised(new AlarmRaised(request, repeat, now));
    metrics.raised(request.type(), repeat);
    return enqueue("raise", request.toJson().put(RAISED_AT, now.toEpochMilli()));
  }

  /** Records a condition that cleared by itself; the alarm closes when its type closes itself. */
  public Future<Void> resolveCondition(ClearRequest request) {
    return enqueue("clear", request.toJson().put(RAISED_AT, Instant.now().toEpochMilli()));
  }

  /** Whether an alarm of this subject and type is open (or raised and not yet stored). */
  public boolean isOpen(AlarmSubject subject, AlarmType type) {
    return open.contains(openKey(subject.key(), type));
  }

  /** Reads the open alarms from the database and makes them, with the raises not yet stored, the open set. */
  public Future<List<OpenAlarm>> reloadOpen() {
    return vertx.executeBlocking(() -> {
      List<OpenAlarm> stored = writer.readOpenAlarms();
      Set<String> fresh = ConcurrentHashMap.newKeySet();
      stored.forEach(a -> fresh.add(openKey(a.subject().key(), a.type())));
      writer.pendingRaises().forEach(r -> fresh.add(openKey(r)));
      open.retainAll(fresh);
      open.addAll(fresh);
      return stored;
    }, false);
  }

  private Future<Void> enqueue(String op, JsonObject body) {
    Context context = vertx.getOrCreateContext();
    Promise<Void> durable = Promise.promise();
    inbox.add(new Work(op, body, durable, context));
    return durable.future();
  }

  private void journalLoop() {
    try {
      boolean stopping = false;
      while (!stopping) {
        List<Work> batch = new ArrayList<>();
        batch.add(inbox.take());
        inbox.drainTo(batch, GROUP_COMMIT - 1);
        stopping = batch.remove(STOP);
        if (!batch.isEmpty()) {
          journalBatch(batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void journalBatch(List<Work> batch) {
    List<JsonObject> bodies = batch.stream().map(Work::body).toList();
    List<String> ops = batch.stream().map(Work::op).toList();
    try {
      List<AlarmJournal.Entry> entries = journal.appendDurably(bodies, ops);
      batch.forEach(w -> w.context().runOnContext(v -> w.durable().complete()));
      writer.submit(entries);
    } catch (IOException e) {
      LOG.error("The alarm outbox cannot be written ({}); {} alarm writes go to the database unjournalled",
          e.getMessage(), batch.size());
      batch.forEach(w -> w.context().runOnContext(v -> w.durable().fail(e)));
      List<AlarmJournal.Entry> unjournalled = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        unjournalled.add(new AlarmJournal.Entry(0, ops.get(i), bodies.get(i)));
      }
      writer.submit(unjournalled);
    }
  }

  private void afterStored(AlarmStored stored) {
    if (stored.outcome() == AlarmStored.Outcome.CLOSED) {
      open.remove(openKey(stored.subject(), stored.type()));
    }
  }

  /** A person closed an alarm: it is no longer open. An alarm of a device alone is left to the next reload. */
  private void afterChanged(AlarmChanged changed) {
    AlarmView alarm = changed.alarm();
    boolean closed = switch (changed.change()) {
      case RESOLVED, FALSE_ALARM, CLOSED -> true;
      default -> false;
    };
    if (closed && (alarm.elderId() != null || alarm.householdId() != null)) {
      AlarmSubject subject = new AlarmSubject(alarm.elderId(), alarm.householdId(), null, alarm.villageId(),
          alarm.townshipId());
      open.remove(openKey(subject.key(), alarm.type()));
    }
  }

  private void stopListening() {
    if (closings == null) {
      return;
    }
    try {
      closings.unregister();
    } catch (RejectedExecutionException e) {
      LOG.debug("Vert.x closed before the alarm raiser; its alarm.changed consumer went with it");
    }
  }

  private static String openKey(RaiseRequest r) {
    return openKey(r.subject().key(), r.type());
  }

  /** An open alarm in the set: its subject's key and its type. */
  private static String openKey(String subjectKey, Object type) {
    return subjectKey + "|" + type;
  }

  @Override
  public void close() {
    stopListening();
    inbox.add(STOP);
    writer.close();
    try {
      journalThread.join(5_000);
      journal.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.warn("Closing the alarm outbox failed: {}", e.getMessage());
    }
  }
}
