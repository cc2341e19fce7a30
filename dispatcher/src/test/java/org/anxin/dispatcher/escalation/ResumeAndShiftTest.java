package org.anxin.dispatcher.escalation;

import org.anxin.dispatcher.testing.Await;
import org.anxin.dispatcher.testing.Dispatcher;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Escalation across a dispatcher restart, and shifts for priority 3")
class ResumeAndShiftTest {

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
    operator = people.newUser("op-r", "operator");
    people.newUser("sup-r", "supervisor");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  @DisplayName("resumes at the stored step after an undeploy/redeploy mid-chain: no step repeated, none skipped")
  void resumesAfterRestart() throws Exception {
    // GIVEN an SOS whose first step went out, with backups due at 0.6 s
    Home home = people.newHome();
    long primary = people.newCarer(home, "PRIMARY", true);
    long backup = people.newCarer(home, "BACKUP", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(0.01), journal).deploy()) {
      long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
      Await.until(WAIT, "step 1 delivered", () -> db.number("SELECT count(*) FROM notifications WHERE alarm_id = ? "
          + "AND step = 1 AND status = 'PENDING'", alarm) == 0 && chains.step(alarm) == 1);
      // WHEN the dispatcher stops, its step-2 deadline passes while it is down, and it starts again
      dispatcher.undeploy();
      Instant due = Instant.ofEpochMilli(db.number("SELECT (EXTRACT(EPOCH FROM next_escalation_at) * 1000)::bigint "
          + "FROM alarms WHERE id = ?", alarm));
      Await.until(WAIT, "the step-2 deadline to pass", () -> Instant.now().isAfter(due.plusMillis(100)));
      assertEquals(1, chains.step(alarm), "nothing escalates while the dispatcher is down");
      dispatcher.deploy();
      // THEN step 2 is taken once, step 1 is not repeated, and step 3 follows at its own time
      Await.until(WAIT, "step 3 after the restart", () -> chains.step(alarm) >= 3);
      assertEquals(List.of("1", "2", "3"), db.strings("SELECT details->>'step' FROM alarm_events WHERE alarm_id = ? "
          + "AND kind = 'ESCALATED' AND (details->>'step')::int <= 3 ORDER BY id", alarm));
      assertEquals(1, Chains.streamed(dispatcher, alarm, 1).stream().filter(u -> u == primary).count());
      assertEquals(1, Chains.streamed(dispatcher, alarm, 2).stream().filter(u -> u == backup).count());
      assertEquals(0, db.number("SELECT count(*) - count(DISTINCT idempotency_key) FROM sms_outbox"));
      assertTrue(chains.millisBetweenSteps(alarm, 2, 3) >= 1_200, "step 3 waited its own time");
    }
  }

  @Test
  @DisplayName("wakes nobody off shift for priority 3")
  void priorityThreeSparesOffShift() throws Exception {
    // GIVEN an elder with one PRIMARY carer on shift and one off, a BACKUP off shift, and a daughter
    Home home = people.newHome();
    long onShift = people.newCarer(home, "PRIMARY", true);
    long offShift = people.newCarer(home, "PRIMARY", false);
    long backupOff = people.newCarer(home, "BACKUP", false);
    long family = people.newFamily(home);
    // Priority 3 at this scale: its second step at 0.9 s.
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(0.0005), journal).deploy()) {
      // WHEN a low battery is raised and nobody acknowledges through two steps
      long alarm = dispatcher.raise(home, AlarmType.LOW_BATTERY, 3);
      Await.until(WAIT, "step 2", () -> chains.step(alarm) >= 2);
      // THEN only the on-shift carer and the operators heard of it; nobody off shift, no family, no SMS
      List<Long> reached = dispatcher.stream.stream().filter(n -> n.subject().equals("alarm:" + alarm))
          .flatMap(n -> n.userIds().stream()).toList();
      assertTrue(reached.contains(onShift));
      assertTrue(reached.contains(operator));
      assertFalse(reached.contains(offShift));
      assertFalse(reached.contains(backupOff));
      assertFalse(reached.contains(family));
      assertEquals(0, db.number("SELECT count(*) FROM notifications WHERE alarm_id = ? AND channel <> 'STREAM'",
          alarm));
    }
  }
}
