package org.anxin.dispatcher.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.dispatcher.escalation.EscalationVerticle;
import org.anxin.infra.alarm.AlarmBus;
import org.anxin.infra.alarm.AlarmMetrics;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.AlarmRaiser;
import org.anxin.infra.alarm.AlarmStored;
import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.RaiseRequest;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.bus.stream.StreamNotice;
import org.anxin.infra.testing.Await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dispatcher under test: one Vert.x with the escalation verticle (redeployable), the shared alarm raising code,
 * and recorders of what reaches the live stream and {@code alarm.changed}.
 */
public final class Dispatcher implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(15);

  private final Vertx vertx = Vertx.vertx();
  private final DispatcherDb db;
  private final DispatcherOptions options;
  private final AlarmRaiser raiser;
  private final List<AlarmStored> stored = new CopyOnWriteArrayList<>();
  public final List<StreamNotice> stream = new CopyOnWriteArrayList<>();
  public final List<AlarmChanged> changes = new CopyOnWriteArrayList<>();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DispatcherMetrics metrics = new DispatcherMetrics(registry);
  private String deployment;

  public Dispatcher(DispatcherDb db, DispatcherOptions options, Path journalDir) throws IOException {
    this.db = db;
    this.options = options;
    this.raiser = AlarmRaiser.start(vertx, db.database().dataSource(),
        new AlarmOptions(journalDir, Duration.ofMillis(100)), new AlarmMetrics(new SimpleMeterRegistry()));
    new AlarmBus(vertx.eventBus()).onStored(stored::add);
    new StreamBus(vertx.eventBus()).onNotice(stream::add);
    new DispatchBus(vertx.eventBus()).onChanged(changes::add);
  }

  /** Test options: every policy wait scaled by {@code scale}, a fast scan, the outbox SMS provider. */
  public static DispatcherOptions options(double scale) {
    return options(scale, Duration.ofMinutes(5));
  }

  /** Test options as {@link #options(double)}, with at most one repeat SMS per alarm in {@code repeatSmsInterval}. */
  public static DispatcherOptions options(double scale, Duration repeatSmsInterval) {
    return new DispatcherOptions(Duration.ofMillis(200), scale, "outbox", null, 3, Duration.ofMillis(50),
        Duration.ofSeconds(2), Duration.ofMillis(500), repeatSmsInterval, Duration.ofMillis(200),
        Duration.ofSeconds(900), Duration.ofHours(4), Duration.ofHours(24), 150, 2);
  }

  /** Test options sending SMS to a webhook: three attempts, 50 ms apart at first. */
  public static DispatcherOptions webhookOptions(double scale, String url) {
    DispatcherOptions o = options(scale);
    return new DispatcherOptions(o.escalationScan(), scale, "webhook", url, 3, Duration.ofMillis(50),
        Duration.ofSeconds(2), o.voiceTimeout(), o.repeatSmsInterval(), o.orderScan(), o.acceptSla(), o.deliverSla(),
        o.returnVisitDue(), o.visitRadiusM(), o.dbPoolSize());
  }

  public Vertx vertx() {
    return vertx;
  }

  public Dispatcher deploy() {
    deployment = vertx.deployVerticle(new EscalationVerticle(options, db.database(), Clock.systemUTC(), metrics))
        .await();
    return this;
  }

  public void undeploy() {
    vertx.undeploy(deployment).await();
    deployment = null;
  }

  /** Raises an alarm through the shared raising code and answers its id once stored. */
  public long raise(People.Home home, AlarmType type, int priority) {
    AlarmStored result = raise(home, type, priority, "test|" + UUID.randomUUID());
    if (result.outcome() != AlarmStored.Outcome.OPENED) {
      throw new IllegalStateException("expected a new alarm, got " + result);
    }
    return result.alarmId();
  }

  /**
   * Raises with the caller's key (the same key again is a redelivered message) and answers what the store made of
   * it: a new alarm, an occurrence of the open one, or a duplicate.
   */
  public AlarmStored raise(People.Home home, AlarmType type, int priority, String key) {
    AlarmSubject subject = new AlarmSubject(home.elderId(), home.householdId(), null, home.villageId(),
        home.townshipId());
    long before = stored.stream().filter(s -> s.key().equals(key)).count();
    raiser.raise(new RaiseRequest(key, subject, type, priority, null, Instant.now(), null, null, null)).await();
    Await.until(WAIT, "alarm " + key + " stored", () -> stored.stream().filter(s -> s.key().equals(key)).count()
        > before);
    return stored.stream().filter(s -> s.key().equals(key)).reduce((a, b) -> b).orElseThrow();
  }

  /** Publishes an {@code alarm.stored} again, as a second report of the same write would. */
  public void republish(AlarmStored result) {
    new AlarmBus(vertx.eventBus()).publishStored(result);
  }

  public DispatchBus bus() {
    return new DispatchBus(vertx.eventBus());
  }

  @Override
  public void close() {
    if (deployment != null) {
      undeploy();
    }
    raiser.close();
    vertx.close().await();
  }
}
