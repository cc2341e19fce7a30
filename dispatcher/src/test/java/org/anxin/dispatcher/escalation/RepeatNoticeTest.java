package org.anxin.dispatcher.escalation;

import io.micrometer.core.instrument.Counter;
import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.dispatcher.notify.ChannelKind;
import org.anxin.dispatcher.notify.Notification;
import org.anxin.dispatcher.testing.Dispatcher;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.alarm.AlarmStored;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Repeats: the SOS pressed again after someone took the alarm on tells them and the operators at once")
class RepeatNoticeTest {

  private static DispatcherDb db;
  private static People people;
  private static Chains chains;
  private static long operator;
  @TempDir
  Path journal;

  @BeforeAll
  static void database() {
    db = DispatcherDb.create();
    people = new People(db);
    chains = new Chains(db);
    operator = people.newUser("op-repeat", "operator");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  @DisplayName("an acknowledged SOS pressed again reaches the acknowledging carer on the stream and by SMS, the "
      + "operators on the stream, and is recorded; the alarm's state stays as it was")
  void acknowledgedRepeatNotifies() throws Exception {
    // GIVEN an SOS acknowledged by the elder's carer
    Home home = people.newHome();
    long carer = people.newCarer(home, "PRIMARY", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy()) {
      long alarm = takenOn(dispatcher, home, carer, AlarmAction.ACKNOWLEDGE);
      // WHEN the elder presses SOS again
      String occurrence = "wb-1|b1|7|SOS";
      assertEquals(AlarmStored.Outcome.OCCURRENCE, dispatcher.raise(home, AlarmType.SOS, 1, occurrence).outcome());
      // THEN the carer gets a stream notice and an SMS, the operators a stream notice, each keyed on the occurrence
      String carerRef = "user:" + carer;
      Await.until(WAIT, "the carer's SMS", () -> db.number("SELECT count(*) FROM sms_outbox WHERE idempotency_key = ?",
          Notification.repeatKey(alarm, occurrence, carerRef, ChannelKind.SMS)) == 1);
      assertEquals(List.of("+8613800000000"), db.strings("SELECT phone FROM sms_outbox WHERE idempotency_key = ?",
          Notification.repeatKey(alarm, occurrence, carerRef, ChannelKind.SMS)));
      Await.until(WAIT, "the stream notices", () -> streamed(dispatcher, alarm, occurrence).containsAll(
          List.of(carer, operator)));
      assertEquals(Set.of(carerRef + "|STREAM", carerRef + "|SMS", "user:" + operator + "|STREAM"),
          Set.copyOf(chains.notified(alarm, Notification.REPEAT_STEP)));
      assertTrue(dispatcher.stream.stream().anyMatch(n -> n.key().equals(
          Notification.repeatKey(alarm, occurrence, carerRef, ChannelKind.STREAM)) && n.text().contains("AGAIN")
          && n.elderId() == home.elderId()));
      // AND a REPEAT_NOTIFIED event says which occurrence, and each delivery its NOTIFIED event
      assertEquals(List.of("2|false|3"), db.strings("SELECT (details->>'occurrences') || '|' || (details->>'smsHeld') "
          + "|| '|' || (details->>'notifications') FROM alarm_events WHERE alarm_id = ? AND kind = 'REPEAT_NOTIFIED' "
          + "AND idempotency_key = ?", alarm, "repeat|" + alarm + "|" + occurrence));
      Await.until(WAIT, "the deliveries recorded", () -> db.number("SELECT count(*) FROM notifications WHERE "
          + "alarm_id = ? AND step = 0 AND status = 'SENT'", alarm) == 3);
      // AND nothing about the alarm's state or escalation changed
      assertEquals(List.of("ACKNOWLEDGED|1"), db.strings("SELECT state || '|' || escalation_step FROM alarms "
          + "WHERE id = ?", alarm));
    }
  }

  @Test
  @DisplayName("one occurrence notifies once: neither the message redelivered nor its storing reported twice "
      + "notifies again")
  void sameOccurrenceNotifiesOnce() throws Exception {
    // GIVEN an acknowledged SOS whose repeat was notified
    Home home = people.newHome();
    long carer = people.newCarer(home, "PRIMARY", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy()) {
      long alarm = takenOn(dispatcher, home, carer, AlarmAction.ACKNOWLEDGE);
      String occurrence = "wb-2|b1|9|SOS";
      AlarmStored first = dispatcher.raise(home, AlarmType.SOS, 1, occurrence);
      Await.until(WAIT, "the repeat notified", () -> repeats(dispatcher, "notified") == 1);
      // WHEN the device's message is redelivered, and the occurrence's storing is reported again (another node)
      assertEquals(AlarmStored.Outcome.DUPLICATE, dispatcher.raise(home, AlarmType.SOS, 1, occurrence).outcome());
      double duplicates = repeats(dispatcher, "duplicate"); // the scan may have lost a race to the bus already
      dispatcher.republish(first);
      Await.until(WAIT, "the second report judged", () -> repeats(dispatcher, "duplicate") > duplicates);
      // THEN nobody was notified a second time
      assertEquals(3, db.number("SELECT count(*) FROM notifications WHERE alarm_id = ? AND step = 0", alarm));
      assertEquals(1, db.number("SELECT count(*) FROM sms_outbox WHERE idempotency_key LIKE ?",
          "alarm:" + alarm + "|repeat:%"));
      assertEquals(1, db.number("SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = 'REPEAT_NOTIFIED'",
          alarm));
      assertEquals(1, repeats(dispatcher, "notified"));
      assertEquals(2, streamed(dispatcher, alarm, occurrence).size(), "one notice each to the carer and the operator");
    }
  }

  @Test
  @DisplayName("repeats within the SMS interval reach the carer on the stream every time but by SMS once")
  void smsRateLimited() throws Exception {
    // GIVEN an acknowledged SOS and one SMS per alarm in five minutes
    Home home = people.newHome();
    long carer = people.newCarer(home, "PRIMARY", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1, Duration.ofMinutes(5)), journal)
        .deploy()) {
      long alarm = takenOn(dispatcher, home, carer, AlarmAction.ACKNOWLEDGE);
      // WHEN the device sends three repeats in a row
      for (int seq = 1; seq <= 3; seq++) {
        dispatcher.raise(home, AlarmType.SOS, 1, "wb-3|b1|" + seq + "|SOS");
      }
      Await.until(WAIT, "three repeats notified", () -> repeats(dispatcher, "notified") == 3);
      // THEN the carer had a stream notice for each, and one SMS
      for (int seq = 1; seq <= 3; seq++) {
        String occurrence = "wb-3|b1|" + seq + "|SOS";
        Await.until(WAIT, "the stream notice of " + occurrence, () -> streamed(dispatcher, alarm, occurrence)
            .contains(carer));
      }
      assertEquals(1, db.number("SELECT count(*) FROM notifications WHERE alarm_id = ? AND step = 0 "
          + "AND channel = 'SMS'", alarm));
      assertEquals(List.of("false", "true", "true"), db.strings("SELECT details->>'smsHeld' FROM alarm_events "
          + "WHERE alarm_id = ? AND kind = 'REPEAT_NOTIFIED' ORDER BY id", alarm));
    }
  }

  @Test
  @DisplayName("a carer on site is texted again for a repeat once the SMS interval has passed")
  void smsAgainAfterInterval() throws Exception {
    // GIVEN a carer on site at an SOS, and one SMS per alarm in 300 ms
    Home home = people.newHome();
    long carer = people.newCarer(home, "PRIMARY", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1, Duration.ofMillis(300)), journal)
        .deploy()) {
      long alarm = takenOn(dispatcher, home, carer, AlarmAction.ON_SITE);
      dispatcher.raise(home, AlarmType.SOS, 1, "wb-4|b1|1|SOS");
      Await.until(WAIT, "the first repeat's SMS", () -> smsCount(alarm) == 1);
      // WHEN the interval has passed since that SMS and the SOS is pressed again
      Chains.waitPast(Instant.ofEpochMilli(db.number("SELECT (EXTRACT(EPOCH FROM max(created_at)) * 1000)::bigint "
          + "FROM notifications WHERE alarm_id = ? AND step = 0 AND channel = 'SMS'", alarm) + 300));
      dispatcher.raise(home, AlarmType.SOS, 1, "wb-4|b1|2|SOS");
      // THEN the carer is texted again
      Await.until(WAIT, "the second repeat's SMS", () -> smsCount(alarm) == 2);
      assertEquals(List.of("ON_SITE"), db.strings("SELECT state FROM alarms WHERE id = ?", alarm));
    }
  }

  @Test
  @DisplayName("a repeat of an alarm nobody has acknowledged adds nothing beyond its escalation")
  void openRepeatLeftToEscalation() throws Exception {
    // GIVEN an SOS whose first step went out and nobody acknowledged
    Home home = people.newHome();
    people.newCarer(home, "PRIMARY", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy()) {
      long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
      Await.until(WAIT, "step 1", () -> chains.step(alarm) == 1);
      long stepOne = db.number("SELECT count(*) FROM notifications WHERE alarm_id = ?", alarm);
      // WHEN the SOS is pressed again
      assertEquals(AlarmStored.Outcome.OCCURRENCE,
          dispatcher.raise(home, AlarmType.SOS, 1, "wb-5|b1|3|SOS").outcome());
      Await.until(WAIT, "the repeat judged", () -> repeats(dispatcher, "skipped") == 1);
      // THEN no notification and no event beyond step 1's: the escalation goes on at its own time
      assertEquals(stepOne, db.number("SELECT count(*) FROM notifications WHERE alarm_id = ?", alarm));
      assertEquals(0, db.number("SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = 'REPEAT_NOTIFIED'",
          alarm));
      assertEquals(1, chains.step(alarm));
    }
  }

  @Test
  @DisplayName("an SOS pressed again while no dispatcher ran is noticed once when one starts, and one pressed "
      + "before the acknowledgement is not")
  void repeatMissedWhileDownNoticedOnStart() throws Exception {
    // GIVEN an SOS pressed again while still OPEN, then acknowledged by the carer
    Home home = people.newHome();
    long carer = people.newCarer(home, "PRIMARY", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy()) {
      long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
      Await.until(WAIT, "step 1", () -> chains.step(alarm) == 1);
      String early = "wb-6|b1|1|SOS";
      dispatcher.raise(home, AlarmType.SOS, 1, early);
      Await.until(WAIT, "the early repeat judged", () -> repeats(dispatcher, "skipped") == 1);
      command(dispatcher, alarm, carer, AlarmAction.ACKNOWLEDGE);
      // WHEN the SOS is pressed once more while the dispatcher is down, and the dispatcher starts again
      dispatcher.undeploy();
      String missed = "wb-6|b1|2|SOS";
      assertEquals(AlarmStored.Outcome.OCCURRENCE, dispatcher.raise(home, AlarmType.SOS, 1, missed).outcome());
      assertEquals(0, db.number("SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = 'REPEAT_NOTIFIED'",
          alarm), "nobody heard the occurrence");
      dispatcher.deploy();
      // THEN the carer gets one SMS and one stream notice, the operators a stream notice, all keyed on it
      Await.until(WAIT, "the missed repeat's SMS", () -> smsCount(alarm) == 1);
      Await.until(WAIT, "the stream notices", () -> streamed(dispatcher, alarm, missed).containsAll(
          List.of(carer, operator)));
      assertEquals(1, db.number("SELECT count(*) FROM sms_outbox WHERE idempotency_key = ?",
          Notification.repeatKey(alarm, missed, "user:" + carer, ChannelKind.SMS)));
      assertEquals(2, streamed(dispatcher, alarm, missed).size(), "one notice each to the carer and the operator");
      // AND one REPEAT_NOTIFIED, for that occurrence only: the early one was the escalation's business
      assertEquals(List.of("repeat|" + alarm + "|" + missed), db.strings("SELECT idempotency_key FROM alarm_events "
          + "WHERE alarm_id = ? AND kind = 'REPEAT_NOTIFIED'", alarm));
      assertEquals(List.of(), streamed(dispatcher, alarm, early));
    }
  }

  @Test
  @DisplayName("a repeat that the bus reports while the scan finds it too is notified once: the alarm's lock and "
      + "the notice's key let one of them through")
  void busAndScanNotifyOnce() throws Exception {
    // GIVEN an acknowledged SOS pressed again while the dispatcher was down
    Home home = people.newHome();
    long carer = people.newCarer(home, "PRIMARY", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy()) {
      long alarm = takenOn(dispatcher, home, carer, AlarmAction.ACKNOWLEDGE);
      dispatcher.undeploy();
      String occurrence = "wb-7|b1|1|SOS";
      AlarmStored stored = dispatcher.raise(home, AlarmType.SOS, 1, occurrence);
      // WHEN, while another transaction holds the alarm, the dispatcher starts (its scan finds the occurrence) and
      // the occurrence's storing is reported on the bus as well
      DatabaseOptions o = db.testDatabase().options();
      try (Connection hold = DriverManager.getConnection(o.url(), o.user(), o.password())) {
        hold.setAutoCommit(false);
        try (PreparedStatement lock = hold.prepareStatement("SELECT id FROM alarms WHERE id = ? FOR UPDATE")) {
          lock.setLong(1, alarm);
          lock.executeQuery().close();
        }
        dispatcher.deploy();
        dispatcher.republish(stored);
        Await.until(WAIT, "the scan and the bus both waiting for the alarm", () -> db.number("SELECT count(*) "
            + "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
            + "AND query LIKE '%a.occurrences FROM alarms a%FOR UPDATE'") == 2);
        hold.commit();
      }
      // THEN one of them notified and the other found the notice written
      Await.until(WAIT, "both judged", () -> repeats(dispatcher, "notified") == 1
          && repeats(dispatcher, "duplicate") == 1);
      assertEquals(1, db.number("SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = 'REPEAT_NOTIFIED'",
          alarm));
      assertEquals(3, db.number("SELECT count(*) FROM notifications WHERE alarm_id = ? AND step = 0", alarm));
      Await.until(WAIT, "the carer's SMS", () -> smsCount(alarm) == 1);
      Await.until(WAIT, "the stream notices", () -> streamed(dispatcher, alarm, occurrence).size() == 2);
    }
  }

  /** Raises an SOS, waits for its first step and has the carer take it on; answers the alarm id. */
  private static long takenOn(Dispatcher dispatcher, Home home, long carerUser, AlarmAction action) {
    long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
    Await.until(WAIT, "step 1", () -> chains.step(alarm) == 1);
    command(dispatcher, alarm, carerUser, action);
    return alarm;
  }

  private static void command(Dispatcher dispatcher, long alarm, long user, AlarmAction action) {
    String username = db.strings("SELECT username FROM users WHERE id = ?", user).get(0);
    dispatcher.bus().command(new AlarmCommand(alarm, action, username, null)).await();
  }

  /** The user ids that got a stream notice for one occurrence of the alarm. */
  private static List<Long> streamed(Dispatcher dispatcher, long alarm, String occurrence) {
    return dispatcher.stream.stream().filter(n -> n.key().startsWith("alarm:" + alarm + "|repeat:" + occurrence + "|"))
        .flatMap(n -> n.userIds().stream()).toList();
  }

  private static double repeats(Dispatcher dispatcher, String result) {
    Counter counter = dispatcher.registry.find(DispatcherMetrics.REPEATS).tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  private static long smsCount(long alarm) {
    return db.number("SELECT count(*) FROM sms_outbox WHERE idempotency_key LIKE ?", "alarm:" + alarm + "|repeat:%");
  }
}
