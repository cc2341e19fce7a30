package org.anxin.dispatcher.escalation;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.dispatcher.notify.Channels;
import org.anxin.dispatcher.notify.Notification;
import org.anxin.dispatcher.notify.Notifier;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.bus.orders.OrderCreate;
import org.anxin.infra.bus.orders.OrderSource;
import org.anxin.infra.bus.orders.ServiceType;
import org.anxin.infra.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Gets every alarm to a person who acts on it. Escalation starts when an alarm is stored and advances on stored
 * deadlines: an in-memory timer per waiting alarm for precision, and a short periodic scan of due alarms that also
 * resumes every open alarm at its stored step after a restart. A new occurrence of an alarm someone has taken on
 * tells that person and the operators ({@link RepeatNotices}); the same scan notices the occurrences whose
 * {@code alarm.stored} was missed or failed. The dispatcher alone changes an alarm's state, on
 * {@code alarm.command}; every change is published on {@code alarm.changed}.
 */
public class EscalationVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationVerticle.class);
  private static final int SCAN_BATCH = 100;
  /** How far back the scan looks for occurrences nobody noticed; older ones are no news to the person on it. */
  private static final Duration REPEAT_LOOKBACK = Duration.ofDays(1);

  private final DispatcherOptions options;
  private final Database database;
  private final Clock clock;
  private final DispatcherMetrics metrics;
  private final Map<Long, Long> timers = new HashMap<>();
  private EscalationStore store;
  private RepeatNotices repeats;
  private Notifier notifier;
  private DispatchBus bus;
  private long scanTimer;
  private boolean scanning;

  public EscalationVerticle(DispatcherOptions options, Database database, Clock clock, DispatcherMetrics metrics) {
    this.options = options;
    this.database = database;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    store = new EscalationStore(database, options);
    repeats = new RepeatNotices(database, options.repeatSmsInterval());
    bus = new DispatchBus(vertx.eventBus());
    notifier = new Notifier(database, Channels.create(vertx, options, database, clock), bus, clock, metrics);
    return Future.all(bus.serveCommands(this::command).completion(),
            AlarmFeed.listen(vertx.eventBus(), this::advance, this::repeated, this::closedByItself))
        .compose(v -> redeliverPending())
        .compose(v -> armWaiting())
        .onSuccess(v -> {
          scanTimer = vertx.setPeriodic(0, options.escalationScan().toMillis(), t -> scan());
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(scanTimer);
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
    return Future.succeededFuture();
  }

  /** Takes the alarm's next step when it is due; a call for an alarm not due (or acknowledged) does nothing. */
  void advance(long alarmId) {
    takeStep(alarmId).onFailure(e -> LOG.error("Escalating alarm {} failed; the scan tries again", alarmId, e));
  }

  private Future<Void> takeStep(long alarmId) {
    long started = System.nanoTime();
    return store.takeStep(alarmId, clock.instant()).map(taken -> {
      taken.ifPresent(step -> {
        metrics.stepTaken(step.alarm().priority(), Duration.ofNanos(System.nanoTime() - started));
        afterStep(step);
      });
      return null;
    });
  }

  /** Publishes the step and sends its notifications without waiting for them: a voice call may take a minute. */
  private void afterStep(StepTaken taken) {
    AlarmView alarm = taken.alarm();
    arm(alarm.id(), alarm.nextEscalationAt());
    JsonObject details = new JsonObject().put("step", taken.step()).put("repeat", taken.repeat())
        .put("notifications", taken.notifications().size());
    bus.publishChanged(new AlarmChanged(AlarmChanged.Change.ESCALATED, EscalationStore.ACTOR, clock.instant(),
        alarm, details));
    if (taken.flaggedNow()) {
      bus.publishChanged(new AlarmChanged(AlarmChanged.Change.SUPERVISOR_FLAGGED, EscalationStore.ACTOR,
          clock.instant(), alarm, details));
    }
    notifier.deliver(taken.notifications());
  }

  private void arm(long alarmId, Instant at) {
    Long previous = timers.remove(alarmId);
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
    if (at != null) {
      long delay = Math.max(1, at.toEpochMilli() - clock.millis());
      timers.put(alarmId, vertx.setTimer(delay, t -> {
        timers.remove(alarmId);
        advance(alarmId);
      }));
    }
  }

  private void scan() {
    if (scanning) {
      return;
    }
    scanning = true;
    store.due(clock.instant(), SCAN_BATCH)
        .compose(due -> oneByOne(due, this::takeStep, "Escalating alarm"))
        .onFailure(e -> LOG.error("Escalation scan failed", e))
        .transform(v -> repeats.unnoticed(clock.instant().minus(REPEAT_LOOKBACK), SCAN_BATCH))
        .compose(missed -> oneByOne(missed, this::noticeMissed, "Noticing the repeat"))
        .onFailure(e -> LOG.error("Scan for unnoticed repeats failed", e))
        .onComplete(v -> scanning = false);
  }

  /** Works through the scan's finds one after the other; one failing does not hold up the others. */
  private static <T> Future<Void> oneByOne(List<T> found, Function<T, Future<Void>> work, String what) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : found) {
      chain = chain.compose(v -> work.apply(item).recover(e -> {
        LOG.error("{} {} failed; the next scan tries again", what, item, e);
        return Future.succeededFuture();
      }));
    }
    return chain;
  }

  private Future<Void> noticeMissed(RepeatNotices.Occurrence missed) {
    return noticeRepeat(missed.alarmId(), missed.key()).map(result -> {
      if (result == RepeatNotices.Result.NOTIFIED) {
        LOG.info("The scan noticed repeat {} of alarm {} before any alarm.stored did", missed.key(), missed.alarmId());
      }
      return null;
    });
  }

  private Future<AlarmView> command(AlarmCommand command) {
    return store.command(command, clock.instant())
        .onComplete(r -> metrics.alarmCommand(command.action().name(), r.succeeded()))
        .onSuccess(alarm -> afterCommand(command, alarm));
  }

  private void afterCommand(AlarmCommand command, AlarmView alarm) {
    arm(alarm.id(), null);
    bus.publishChanged(new AlarmChanged(AlarmTransitions.changeOf(command.action()), command.actor(),
        clock.instant(), alarm, new JsonObject().put("note", command.note())));
    if (command.action() == AlarmAction.RESOLVE && alarm.type().equals("FALL") && alarm.elderId() != null) {
      proposeMedicalVisit(alarm, command.actor());
    }
  }

  /** A resolved fall proposes a MEDICAL visit order, assigned like any other. */
  private void proposeMedicalVisit(AlarmView alarm, String actor) {
    new OrderBus(vertx.eventBus()).create(new OrderCreate(alarm.elderId(), ServiceType.MEDICAL, OrderSource.ALARM,
            null, null, null, alarm.id(), actor, "Follow-up of fall alarm " + alarm.id()))
        .onFailure(e -> LOG.warn("The medical follow-up of fall alarm {} was not created: {}", alarm.id(),
            e.getMessage()));
  }

  /** Tells the acknowledger and the operators of a new occurrence when someone has taken the alarm on. */
  private void repeated(long alarmId, String occurrenceKey) {
    noticeRepeat(alarmId, occurrenceKey).onFailure(e -> LOG.error("Noticing the repeat {} of alarm {} failed; the "
        + "scan tries again", occurrenceKey, alarmId, e));
  }

  /** The one way a repeat is noticed, from the bus or the scan: the notice's key lets only one of them notify. */
  private Future<RepeatNotices.Result> noticeRepeat(long alarmId, String occurrenceKey) {
    return repeats.notice(alarmId, occurrenceKey, clock.instant()).map(outcome -> {
      metrics.repeat(outcome.result().name().toLowerCase(Locale.ROOT));
      notifier.deliver(outcome.notifications());
      return outcome.result();
    });
  }

  private void closedByItself(long alarmId) {
    arm(alarmId, null);
    store.view(alarmId).onSuccess(alarm -> bus.publishChanged(new AlarmChanged(AlarmChanged.Change.CLOSED,
        alarm.closedBy(), clock.instant(), alarm, null)));
  }

  /** Sends again what a crash left PENDING; start does not wait for the sending (a voice call may take a minute). */
  private Future<Void> redeliverPending() {
    return store.pending(1_000).map(pending -> {
      if (!pending.isEmpty()) {
        LOG.info("Delivering {} notifications left pending by the last run", pending.size());
      }
      pending.forEach(this::redeliver);
      return null;
    });
  }

  /** A step's notification is still worth sending while its alarm is OPEN, a repeat's while the alarm is open. */
  private void redeliver(Notification n) {
    AlarmView alarm = AlarmView.fromJson(n.alarm());
    String state = alarm.state();
    boolean wanted = n.step() == Notification.REPEAT_STEP ? alarm.closedAt() == null : state.equals("OPEN");
    if (wanted) {
      notifier.deliver(List.of(n));
    } else {
      notifier.cancel(n, "alarm " + state);
    }
  }

  private Future<Void> armWaiting() {
    return store.waiting(clock.instant()).map(waiting -> {
      waiting.forEach(this::arm);
      return null;
    });
  }
}
