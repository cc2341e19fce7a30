package org.anxin.dispatcher.escalation;

import org.anxin.dispatcher.DispatcherMetrics;
import org.anxin.infra.testing.Await;
import org.anxin.dispatcher.testing.Dispatcher;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.dispatch.AlarmView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Escalation: every alarm reaches a person, step by step, until someone acknowledges")
class EscalationTest {

  /** Priority 1 at this scale: backups at 0.6 s, the callback at 1.8 s, repeats every 1.2 s. */
  private static final double FAST = 0.01;
  private static DispatcherDb db;
  private static People people;
  private static Chains chains;
  private static long operator;
  private static long supervisor;
  @TempDir
  Path journal;

  @BeforeAll
  static void database() {
    db = DispatcherDb.create();
    people = new People(db);
    chains = new Chains(db);
    operator = people.newUser("op-1", "operator");
    supervisor = people.newUser("sup-1", "supervisor");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  @DisplayName("notifies carer, family and operators at once, backups next, calls the elder back, then repeats "
      + "flagged for the supervisor")
  void escalatesWhenNobodyAcknowledges() throws Exception {
    // GIVEN an elder with a PRIMARY carer on shift, a BACKUP carer off shift, a daughter and a volunteer nearby
    Home home = people.newHome();
    long primary = people.newCarer(home, "PRIMARY", true);
    long backup = people.newCarer(home, "BACKUP", false);
    long family = people.newFamily(home);
    people.newVolunteer(home);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(FAST), journal).deploy()) {
      // WHEN an SOS is raised and nobody acknowledges
      long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
      Await.until(WAIT, "the repeat of the last step", () -> chains.step(alarm) >= 4);
      // THEN step 1 reached the carer, the family and the operators on the stream and by SMS
      assertEquals(Set.of("user:" + family + "|STREAM", "user:" + family + "|SMS", "user:" + operator + "|STREAM"),
          chains.notified(alarm, 1).stream().filter(s -> s.startsWith("user:")).collect(Collectors.toSet()));
      assertEquals(List.of("STREAM", "SMS"), db.strings("SELECT n.channel FROM notifications n JOIN carers c "
          + "ON 'carer:' || c.id = n.recipient WHERE n.alarm_id = ? AND n.step = 1 ORDER BY n.channel DESC", alarm));
      assertTrue(Chains.streamed(dispatcher, alarm, 1).containsAll(List.of(primary, family, operator)));
      assertFalse(Chains.streamed(dispatcher, alarm, 1).contains(backup), "the backup waits for step 2");
      // AND step 2 woke the off-shift backup carer and texted the volunteer
      assertTrue(Chains.streamed(dispatcher, alarm, 2).contains(backup));
      assertTrue(chains.notified(alarm, 2).stream().anyMatch(s -> s.startsWith("volunteer:") && s.endsWith("|SMS")));
      // AND step 3 asked the hotline to call the elder back: no hotline runs, so the delivery failed and it went on
      assertEquals(List.of("FAILED"), db.strings("SELECT status FROM notifications WHERE alarm_id = ? AND step = 3 "
          + "AND channel = 'VOICE'", alarm));
      assertTrue(Chains.streamed(dispatcher, alarm, 3).contains(supervisor));
      // AND the last step repeats, flagged for the supervisor, at the policy's waits
      assertEquals(1, db.number("SELECT count(*) FROM alarms WHERE id = ? AND supervisor_flag", alarm));
      assertEquals(1, db.number("SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = "
          + "'SUPERVISOR_FLAGGED'", alarm));
      assertTrue(chains.millisBetweenSteps(alarm, 1, 2) >= 600, "backups after 60 s (scaled)");
      assertTrue(chains.millisBetweenSteps(alarm, 1, 3) >= 1800, "callback after 180 s (scaled)");
      assertTrue(dispatcher.registry.get(DispatcherMetrics.NOTIFICATIONS).tag("channel", "VOICE")
          .tag("result", "failed").counter().count() >= 1);
      Await.until(WAIT, "the failed delivery published", () -> dispatcher.changes.stream()
          .anyMatch(c -> c.change() == AlarmChanged.Change.DELIVERY_FAILED && c.alarm().id() == alarm
              && c.alarm().elderId() == home.elderId()));
    }
  }

  @Test
  @DisplayName("stops escalating once someone acknowledges, and records who and when")
  void noEscalationAfterAcknowledgement() throws Exception {
    // GIVEN an SOS whose first step went out
    Home home = people.newHome();
    long primary = people.newCarer(home, "PRIMARY", true);
    people.newCarer(home, "BACKUP", true);
    // Backups at 1.8 s: time enough for the acknowledgement to come first on a loaded machine.
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(0.03), journal).deploy()) {
      long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
      Await.until(WAIT, "step 1", () -> chains.step(alarm) == 1);
      Instant step2Due = chains.due(alarm);
      // WHEN the carer acknowledges
      AlarmView acked = dispatcher.bus().command(new AlarmCommand(alarm, AlarmAction.ACKNOWLEDGE, "carer-a", null))
          .await();
      // THEN the alarm is ACKNOWLEDGED by the carer and no later step follows, past the time step 2 was due
      assertEquals("ACKNOWLEDGED", acked.state());
      assertEquals("carer-a", acked.acknowledgedBy());
      Chains.waitPast(step2Due);
      assertEquals(1, chains.step(alarm));
      assertEquals(0, db.number("SELECT count(*) FROM notifications WHERE alarm_id = ? AND step > 1", alarm));
      assertEquals(1, db.number("SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = 'ACKNOWLEDGED' "
          + "AND actor = 'carer-a'", alarm));
      assertTrue(Chains.streamed(dispatcher, alarm, 1).contains(primary));
    }
  }
}
