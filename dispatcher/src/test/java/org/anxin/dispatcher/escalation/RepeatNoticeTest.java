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
import org.anxin.infra.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
      dispatcher.republish(first);
      Await.until(WAIT, "the second report judged", () -> repeats(dispatcher, "duplicate") == 1);
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

  /** Raises an SOS, waits for its first step and has the carer take it on; answers the alarm id. */
  private static long takenOn(Dispatcher dispatcher, Home home, long carerUser, AlarmAction action) {
    long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
    Await.until(WAIT, "step 1", () -> chains.step(alarm) == 1);
    String username = db.strings("SELECT username FROM users WHERE id = ?", carerUser).get(0);
    dispatcher.bus().command(new AlarmCommand(alarm, action, username, null)).await();
    return alarm;
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
