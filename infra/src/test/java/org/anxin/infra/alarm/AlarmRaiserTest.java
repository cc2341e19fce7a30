package org.anxin.infra.alarm;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.anxin.infra.alarm.AlarmFixture.Elder;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.anxin.infra.alarm.AlarmFixture.await;
import static org.anxin.infra.alarm.AlarmFixture.count;
import static org.anxin.infra.alarm.AlarmFixture.countOrMinusOne;
import static org.anxin.infra.alarm.AlarmFixture.newElder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The alarm raiser: published at once, journalled, stored on its own path")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AlarmRaiserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestDatabase database;
  private static DataSource ds;
  private Vertx vertx;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<AlarmRaised> raised = new CopyOnWriteArrayList<>();
  private final List<AlarmStored> stored = new CopyOnWriteArrayList<>();
  @TempDir
  Path dataDir;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.create();
    ds = AlarmFixture.dataSource(database.jdbcUrl(), database.options().user(), database.options().password());
    Migrations.apply(ds);
  }

  @AfterAll
  static void drop() {
    database.close();
  }

  @BeforeEach
  void listen() {
    vertx = Vertx.vertx();
    AlarmBus bus = new AlarmBus(vertx.eventBus());
    bus.onRaised(raised::add);
    bus.onStored(stored::add);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("publishes alarm.raised before the database write, then stores it and publishes alarm.stored")
  void publishesThenStores() throws Exception {
    // GIVEN a raiser and an elder
    Elder elder = newElder(ds, "wb-pub");
    try (AlarmRaiser raiser = start(ds)) {
      // WHEN an SOS is raised
      raiser.raise(AlarmFixture.sos(elder, "b1", 1)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      // THEN it is on the bus as a new alarm, and then in the database with its id on alarm.stored
      await(WAIT, () -> raised.size() == 1 && stored.size() == 1);
      assertFalse(raised.get(0).repeat());
      assertEquals("wb-pub|b1|1|SOS", raised.get(0).alarm().key());
      assertEquals(AlarmStored.Outcome.OPENED, stored.get(0).outcome());
      assertEquals(1, count(ds, "SELECT count(*) FROM alarms WHERE id = ?", stored.get(0).alarmId()));
      assertEquals(1, registry.get(AlarmMetrics.RAISED).tag("type", "SOS").counter().count());
      await(WAIT, () -> registry.get(AlarmMetrics.OUTBOX_PENDING).gauge().value() == 0);
    }
  }

  @Test
  @DisplayName("after a restart reloads the open alarms, so a new SOS of the same elder is a repeat, not a new alarm")
  void restartReloadsOpenAlarms() throws Exception {
    // GIVEN an SOS stored by one raiser, which then stops
    Elder elder = newElder(ds, "wb-restart");
    try (AlarmRaiser first = start(ds)) {
      first.raise(AlarmFixture.sos(elder, "b1", 1));
      await(WAIT, () -> stored.size() == 1);
    }
    // WHEN a new raiser starts, reloads the open alarms and the elder presses SOS again
    try (AlarmRaiser second = start(ds)) {
      second.reloadOpen().await();
      assertTrue(second.isOpen(elder.subject(), AlarmType.SOS));
      second.raise(AlarmFixture.sos(elder, "b2", 1));
      // THEN it is published as a repeat and stored as an occurrence of the same alarm
      await(WAIT, () -> stored.size() == 2);
      assertTrue(raised.get(1).repeat());
      assertEquals(AlarmStored.Outcome.OCCURRENCE, stored.get(1).outcome());
      assertEquals(1, count(ds, "SELECT count(*) FROM alarms WHERE elder_id = ?", elder.elderId()));
    }
  }

  @Test
  @DisplayName("after a person resolves an alarm, the elder's next SOS is published as new, not as a repeat")
  void resolvedAlarmIsNoLongerOpen() throws Exception {
    // GIVEN an elder's stored SOS
    Elder elder = newElder(ds, "wb-resolved");
    try (AlarmRaiser raiser = start(ds)) {
      raiser.raise(AlarmFixture.sos(elder, "b1", 1));
      await(WAIT, () -> stored.size() == 1);
      // WHEN the dispatcher says an operator resolved it
      long id = stored.get(0).alarmId();
      AlarmView resolved = new AlarmView(id, elder.elderId(), elder.householdId(), elder.villageId(),
          elder.townshipId(), "SOS", 1, "RESOLVED", Instant.now(), null, null, null, Instant.now(), "op1", null, 1,
          null, false);
      new DispatchBus(vertx.eventBus()).publishChanged(new AlarmChanged(AlarmChanged.Change.RESOLVED, "op1",
          Instant.now(), resolved, null));
      await(WAIT, () -> !raiser.isOpen(elder.subject(), AlarmType.SOS));
      // AND the elder presses SOS again
      raiser.raise(AlarmFixture.sos(elder, "b1", 2));
      // THEN it is published as a new alarm
      await(WAIT, () -> raised.size() == 2);
      assertFalse(raised.get(1).repeat());
    }
  }

  @Test
  @DisplayName("keeps alarms raised while the database is unreachable in the outbox and stores them on the next start")
  void outboxReplayedOnStart() throws Exception {
    // GIVEN a raiser whose database cannot be reached
    Elder elder = newElder(ds, "wb-outbox");
    DataSource down = AlarmFixture.dataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "x", "");
    try (AlarmRaiser cut = start(down)) {
      // WHEN two alarms are raised and made durable, and the process stops before the database returns
      cut.raise(AlarmFixture.sos(elder, "b1", 1)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      cut.raise(AlarmFixture.of(elder, AlarmType.FALL, 2)).toCompletionStage().toCompletableFuture()
          .get(5, TimeUnit.SECONDS);
      // THEN they were published at once all the same
      await(WAIT, () -> raised.size() == 2);
    }
    assertEquals(0, count(ds, "SELECT count(*) FROM alarms WHERE elder_id = ?", elder.elderId()));
    // WHEN the node starts again with the database up, twice in a row
    try (AlarmRaiser back = start(ds)) {
      await(WAIT, () -> countOrMinusOne(ds, "SELECT count(*) FROM alarms WHERE elder_id = ?", elder.elderId()) == 2);
    }
    try (AlarmRaiser again = start(ds)) {
      again.reloadOpen().await();
    }
    // THEN both alarms are stored exactly once
    assertEquals(2, count(ds, "SELECT count(*) FROM alarm_events e JOIN alarms a ON a.id = e.alarm_id "
        + "WHERE a.elder_id = ?", elder.elderId()));
  }

  @Test
  @DisplayName("refuses a second raiser on the same outbox, which would write it twice")
  void oneRaiserPerOutbox() throws Exception {
    try (AlarmRaiser first = start(ds)) {
      assertThrows(IOException.class, () -> start(ds));
    }
    start(ds).close();
  }

  private AlarmRaiser start(DataSource dataSource) throws Exception {
    return AlarmRaiser.start(vertx, dataSource, new AlarmOptions(dataDir.resolve("alarms"), Duration.ofMillis(100)),
        new AlarmMetrics(registry));
  }
}
