package org.anxin.dispatcher.escalation;

import org.anxin.infra.testing.Await;
import org.anxin.dispatcher.notify.ChannelKind;
import org.anxin.dispatcher.notify.Notification;
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
import java.util.List;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Escalation across a dispatcher restart, shifts for priority 3, and per-type policies")
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
  @DisplayName("resumes at the stored step after an undeploy/redeploy mid-chain: no step repeated, none skipped; "
      + "picks up an alarm raised meanwhile")
  void resumesAfterRestart() throws Exception {
    // GIVEN an SOS whose first step went out, with backups due at 3 s (the policy, data, says 300 s here: time
    // enough to stop the dispatcher before on a loaded machine) and the callback 1.2 s later
    db.execute("UPDATE escalation_steps SET wait_s = 300 WHERE step_no = 1 AND policy_id = "
        + "(SELECT id FROM escalation_policies WHERE priority = 1 AND alarm_type IS NULL)");
    Home home = people.newHome();
    long primary = people.newCarer(home, "PRIMARY", true);
    long backup = people.newCarer(home, "BACKUP", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(0.01), journal).deploy()) {
      long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
      Await.until(WAIT, "step 1 delivered", () -> db.number("SELECT count(*) FROM notifications WHERE alarm_id = ? "
          + "AND step = 1 AND status = 'PENDING'", alarm) == 0 && chains.step(alarm) == 1);
      // WHEN the dispatcher stops, its step-2 deadline passes while it is down, and it starts again
      dispatcher.undeploy();
      Chains.waitPast(chains.due(alarm));
      assertEquals(1, chains.step(alarm), "nothing escalates while the dispatcher is down");
      Home later = people.newHome();
      long missed = dispatcher.raise(later, AlarmType.FALL, 1);
      dispatcher.deploy();
      // THEN step 2 is taken once, step 1 is not repeated, and step 3 follows at its own time
      Await.until(WAIT, "step 3 after the restart", () -> chains.step(alarm) >= 3);
      assertEquals(List.of("1", "2", "3"), db.strings("SELECT details->>'step' FROM alarm_events WHERE alarm_id = ? "
          + "AND kind = 'ESCALATED' AND (details->>'step')::int <= 3 ORDER BY id", alarm));
      assertEquals(1, Chains.streamed(dispatcher, alarm, 1).stream().filter(u -> u == primary).count());
      assertEquals(1, Chains.streamed(dispatcher, alarm, 2).stream().filter(u -> u == backup).count());
      assertEquals(0, db.number("SELECT count(*) - count(DISTINCT idempotency_key) FROM sms_outbox"));
      assertTrue(chains.millisBetweenSteps(alarm, 1, 2) >= 3_000, "step 2 not before its time");
      assertTrue(chains.millisBetweenSteps(alarm, 2, 3) >= 1_200, "step 3 waited its own time");
      // AND an alarm raised while it was down, whose alarm.stored nobody heard, is escalated from step 1
      Await.until(WAIT, "the missed alarm escalated", () -> chains.step(missed) >= 1);
    }
  }

  @Test
  @DisplayName("sends on start what a crash left PENDING between the step's commit and the sending, once; cancels it "
      + "when the alarm was acknowledged meanwhile, but still sends that alarm's repeat notice")
  void deliversWhatACrashLeftPending() throws Exception {
    // GIVEN two alarms whose step 1 was committed but not sent (a crash), one of them since acknowledged and
    // repeated, its repeat notice not sent either
    Home home = people.newHome();
    long carer = people.newCarer(home, "PRIMARY", true);
    Home other = people.newHome();
    long otherCarer = people.newCarer(other, "PRIMARY", true);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal)) {
      long open = dispatcher.raise(home, AlarmType.SOS, 1);
      long acked = dispatcher.raise(other, AlarmType.SOS, 1);
      String openKey = crashedStep(open, carer);
      String ackedKey = crashedStep(acked, otherCarer);
      db.execute("UPDATE alarms SET state = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = 'x' "
          + "WHERE id = ?", acked);
      String repeatKey = Notification.repeatKey(acked, "wb|b|5|SOS", "user:" + otherCarer, ChannelKind.STREAM);
      pending(acked, otherCarer, Notification.REPEAT_STEP, repeatKey);
      // WHEN the dispatcher starts
      dispatcher.deploy();
      // THEN the open alarm's notification goes out once under its key and the other is cancelled
      Await.until(WAIT, "the pending notifications settled", () -> db.number("SELECT count(*) FROM notifications "
          + "WHERE status = 'PENDING' AND alarm_id IN (?, ?)", open, acked) == 0);
      assertEquals(List.of("SENT"), db.strings("SELECT status FROM notifications WHERE idempotency_key = ?", openKey));
      assertEquals(List.of("CANCELLED"), db.strings("SELECT status FROM notifications WHERE idempotency_key = ?",
          ackedKey));
      assertEquals(1, dispatcher.stream.stream().filter(n -> n.key().equals(openKey)).count());
      assertEquals(0, dispatcher.stream.stream().filter(n -> n.key().equals(ackedKey)).count());
      assertEquals(List.of("SENT"), db.strings("SELECT status FROM notifications WHERE idempotency_key = ?",
          repeatKey));
      assertEquals(1, dispatcher.stream.stream().filter(n -> n.key().equals(repeatKey)).count());
      assertEquals(1, chains.step(open), "the step itself is not taken again");
    }
  }

  /** What a crash after a step's commit leaves: the step stored and its notification PENDING. */
  private static String crashedStep(long alarm, long userId) {
    String key = "alarm:" + alarm + "|step:1|user:" + userId + "|STREAM";
    db.execute("UPDATE alarms SET escalation_step = 1, next_escalation_at = now() + interval '1 hour' WHERE id = ?",
        alarm);
    pending(alarm, userId, 1, key);
    return key;
  }

  /** A stream notification written and not sent. */
  private static void pending(long alarm, long userId, int step, String key) {
    db.execute("INSERT INTO notifications (alarm_id, step, recipient, user_id, address, channel, idempotency_key, "
        + "body, created_at) VALUES (?, ?, ?, ?, ?, 'STREAM', ?, 'SOS', now())", alarm, step, "user:" + userId,
        userId, String.valueOf(userId), key);
  }

  @Test
  @DisplayName("takes a type's own policy over its priority's: a wandering elder's volunteers are texted at once")
  void typeOverridesPriority() throws Exception {
    // GIVEN an elder with a volunteer in the village
    Home home = people.newHome();
    long volunteer = people.newVolunteer(home);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy()) {
      // WHEN a FENCE_EXIT of priority 1 and, for another elder, an SOS of priority 1 are raised
      long fence = dispatcher.raise(home, AlarmType.FENCE_EXIT, 1);
      Home other = people.newHome();
      people.newVolunteer(other);
      long sos = dispatcher.raise(other, AlarmType.SOS, 1);
      Await.until(WAIT, "both first steps", () -> chains.step(fence) == 1 && chains.step(sos) == 1);
      // THEN the fence exit texts the volunteer in step 1; the SOS keeps volunteers for step 2
      assertTrue(chains.notified(fence, 1).contains("volunteer:" + volunteer + "|SMS"));
      assertTrue(chains.notified(sos, 1).stream().noneMatch(n -> n.startsWith("volunteer:")));
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
