package org.anxin.infra.alarm;

import org.anxin.infra.alarm.AlarmFixture.Elder;
import org.anxin.infra.alarm.AlarmStored.Outcome;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import static org.anxin.infra.alarm.AlarmFixture.count;
import static org.anxin.infra.alarm.AlarmFixture.newElder;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The alarm store on the machine's PostgreSQL")
class AlarmStoreTest {

  private static TestDatabase database;
  private static DataSource ds;
  private final AlarmStore store = new AlarmStore();

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

  @Test
  @DisplayName("opens a new alarm that records the message that raised it, the position and a RAISED event")
  void opensNewAlarm() throws SQLException {
    // GIVEN an elder with no alarm
    Elder elder = newElder(ds, "wb-new");
    // WHEN an SOS is raised
    AlarmStored stored = raise(AlarmFixture.sos(elder, "b1", 7));
    // THEN one OPEN alarm holds the source message and position, with one RAISED event keyed by the message
    assertEquals(Outcome.OPENED, stored.outcome());
    assertEquals(1, count(ds, "SELECT count(*) FROM alarms WHERE elder_id = ? AND state = 'OPEN' AND type = 'SOS' "
        + "AND source_device_id = 'wb-new' AND source_boot = 'b1' AND source_seq = 7 AND lat = 31.2 "
        + "AND occurrences = 1",
        elder.elderId()));
    assertEquals(1, count(ds, "SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = 'RAISED' "
        + "AND idempotency_key = 'wb-new|b1|7|SOS'", stored.alarmId()));
  }

  @Test
  @DisplayName("adds a repeat of an open alarm as an occurrence instead of a second alarm")
  void addsOccurrence() throws SQLException {
    // GIVEN an open SOS
    Elder elder = newElder(ds, "wb-occ");
    AlarmStored first = raise(AlarmFixture.sos(elder, "b1", 1));
    // WHEN the elder presses SOS again (a new message)
    AlarmStored second = raise(AlarmFixture.sos(elder, "b1", 2));
    // THEN the same alarm counts two occurrences and two events
    assertEquals(Outcome.OCCURRENCE, second.outcome());
    assertEquals(first.alarmId(), second.alarmId());
    assertEquals(2, count(ds, "SELECT occurrences FROM alarms WHERE id = ?", first.alarmId()));
    assertEquals(2, count(ds, "SELECT count(*) FROM alarm_events WHERE alarm_id = ?", first.alarmId()));
  }

  @Test
  @DisplayName("adds nothing when the same message raises the same alarm again (a redelivery or a replay)")
  void idempotentOnTheMessage() throws SQLException {
    // GIVEN an SOS raised by message (b1, 3)
    Elder elder = newElder(ds, "wb-idem");
    AlarmStored first = raise(AlarmFixture.sos(elder, "b1", 3));
    // WHEN the same message is raised twice more
    AlarmStored again = raise(AlarmFixture.sos(elder, "b1", 3));
    raise(AlarmFixture.sos(elder, "b1", 3));
    // THEN one occurrence and one event only
    assertEquals(Outcome.DUPLICATE, again.outcome());
    assertEquals(1, count(ds, "SELECT occurrences FROM alarms WHERE id = ?", first.alarmId()));
    assertEquals(1, count(ds, "SELECT count(*) FROM alarm_events WHERE alarm_id = ?", first.alarmId()));
  }

  @Test
  @DisplayName("lets the unique index decide two concurrent raises: one alarm with two occurrences")
  void concurrentRaisesMakeOneAlarm() throws Exception {
    // GIVEN an elder and two raisers in open transactions; the first has inserted its alarm and not committed
    Elder elder = newElder(ds, "wb-race");
    try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      long bPid = pid(b);
      AlarmStored won = store.raise(a, AlarmFixture.sos(elder, "b1", 10), Instant.now());
      // WHEN the second raises the same elder and type (it blocks on the index) and then the first commits
      CompletableFuture<AlarmStored> lost = CompletableFuture.supplyAsync(() -> raiseOn(b, AlarmFixture.sos(elder,
          "b1", 11)));
      AlarmFixture.await(Duration.ofSeconds(5), () -> AlarmFixture.countOrMinusOne(ds,
          "SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = ?", (int) bPid) > 0);
      a.commit();
      AlarmStored second = lost.get();
      b.commit();
      // THEN the second became an occurrence of the first
      assertEquals(Outcome.OPENED, won.outcome());
      assertEquals(Outcome.OCCURRENCE, second.outcome());
      assertEquals(won.alarmId(), second.alarmId());
    }
    assertEquals(1, count(ds, "SELECT count(*) FROM alarms WHERE elder_id = ?", elder.elderId()));
    assertEquals(2, count(ds, "SELECT occurrences FROM alarms WHERE elder_id = ?", elder.elderId()));
  }

  @Test
  @DisplayName("closes a self-closing alarm when its condition clears, recording both the clearing and the close")
  void clearClosesSelfClosingType() throws SQLException {
    // GIVEN an open LOW_BATTERY alarm
    Elder elder = newElder(ds, "wb-bat");
    AlarmStored raised = raise(AlarmFixture.of(elder, AlarmType.LOW_BATTERY, 1));
    // WHEN the battery is charged
    AlarmStored cleared = clear(elder, AlarmType.LOW_BATTERY, 2);
    // THEN the alarm is RESOLVED by the system, with CONDITION_CLEARED and RESOLVED events
    assertEquals(Outcome.CLOSED, cleared.outcome());
    assertEquals(1, count(ds, "SELECT count(*) FROM alarms WHERE id = ? AND state = 'RESOLVED' "
        + "AND closed_by = 'system'", raised.alarmId()));
    assertEquals(2, count(ds, "SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind IN "
        + "('CONDITION_CLEARED', 'RESOLVED')", raised.alarmId()));
  }

  @Test
  @DisplayName("only records the clearing of an alarm that waits for a person (back inside the safe zone)")
  void clearOnlyRecordsOtherTypes() throws SQLException {
    // GIVEN an open FENCE_EXIT alarm
    Elder elder = newElder(ds, "wb-fence");
    AlarmStored raised = raise(AlarmFixture.of(elder, AlarmType.FENCE_EXIT, 1));
    // WHEN the elder is back inside, and that message is replayed
    AlarmStored cleared = clear(elder, AlarmType.FENCE_EXIT, 2);
    AlarmStored replayed = clear(elder, AlarmType.FENCE_EXIT, 2);
    // THEN the return is recorded once and the alarm stays OPEN
    assertEquals(Outcome.CONDITION_RECORDED, cleared.outcome());
    assertEquals(Outcome.DUPLICATE, replayed.outcome());
    assertEquals(1, count(ds, "SELECT count(*) FROM alarms WHERE id = ? AND state = 'OPEN'", raised.alarmId()));
    assertEquals(1, count(ds, "SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = 'CONDITION_CLEARED'",
        raised.alarmId()));
  }

  private AlarmStored clear(Elder elder, AlarmType type, long seq) throws SQLException {
    MessageIdentity source = new MessageIdentity(elder.deviceId(), "b1", seq, Instant.parse("2026-11-29T03:00:00Z"));
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      AlarmStored stored = store.clear(c, ClearRequest.fromMessage(elder.subject(), type, source, null),
          Instant.now());
      c.commit();
      return stored;
    }
  }

  private AlarmStored raise(RaiseRequest request) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      AlarmStored stored = store.raise(c, request, Instant.now());
      c.commit();
      return stored;
    }
  }

  private static long pid(Connection c) throws SQLException {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private AlarmStored raiseOn(Connection c, RaiseRequest request) {
    try {
      return store.raise(c, request, Instant.now());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
