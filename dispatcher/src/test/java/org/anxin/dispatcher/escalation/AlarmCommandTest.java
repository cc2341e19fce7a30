package org.anxin.dispatcher.escalation;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.testing.Await;
import org.anxin.dispatcher.testing.Dispatcher;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.BusFailure;
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
import java.util.List;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("alarm.command: the dispatcher alone changes an alarm's state, and says clearly when it will not")
class AlarmCommandTest {

  private static DispatcherDb db;
  private static People people;
  @TempDir
  Path journal;

  @BeforeAll
  static void database() {
    db = DispatcherDb.create();
    people = new People(db);
    people.newUser("op-c", "operator");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  @DisplayName("runs OPEN → ON_SITE → RESOLVED with an event and an alarm.changed carrying the elder per change")
  void closesTheLoop() throws Exception {
    // GIVEN an open fall alarm
    Home home = people.newHome();
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy()) {
      long alarm = dispatcher.raise(home, AlarmType.FALL, 1);
      // WHEN a carer arrives and then resolves it
      AlarmView onSite = dispatcher.bus().command(new AlarmCommand(alarm, AlarmAction.ON_SITE, "carer-b", null))
          .await();
      AlarmView resolved = dispatcher.bus().command(new AlarmCommand(alarm, AlarmAction.RESOLVE, "carer-b",
          "helped up, no injury")).await();
      // THEN arriving counted as the acknowledgement, the close is recorded, and both changes were published
      assertEquals("ON_SITE", onSite.state());
      assertEquals("carer-b", onSite.acknowledgedBy());
      assertEquals("RESOLVED", resolved.state());
      assertEquals("helped up, no injury", resolved.closeNote());
      assertEquals(List.of("ON_SITE", "RESOLVED"), db.strings("SELECT kind FROM alarm_events WHERE alarm_id = ? "
          + "AND actor = 'carer-b' ORDER BY id", alarm));
      Await.until(WAIT, "both changes published", () -> dispatcher.changes.stream()
          .filter(c -> c.alarm().id() == alarm && c.alarm().elderId() == home.elderId())
          .map(AlarmChanged::change).toList().containsAll(List.of(AlarmChanged.Change.ON_SITE,
              AlarmChanged.Change.RESOLVED)));
    }
  }

  @Test
  @DisplayName("answers 409 to a second acknowledgement, 404 to an unknown alarm, 400 to a false alarm without note")
  void refusesWithReasons() throws Exception {
    // GIVEN an acknowledged alarm
    Home home = people.newHome();
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy()) {
      long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
      dispatcher.bus().command(new AlarmCommand(alarm, AlarmAction.ACKNOWLEDGE, "first", null)).await();
      // WHEN it is acknowledged again, an unknown alarm is acknowledged, and a false alarm comes without a note
      BusException twice = assertThrows(BusException.class, () -> dispatcher.bus()
          .command(new AlarmCommand(alarm, AlarmAction.ACKNOWLEDGE, "second", null)).await());
      BusException unknown = assertThrows(BusException.class, () -> dispatcher.bus()
          .command(new AlarmCommand(999_999, AlarmAction.ACKNOWLEDGE, "someone", null)).await());
      ReplyException noNote = assertThrows(ReplyException.class, () -> dispatcher.vertx().eventBus()
          .request(Addresses.ALARM_COMMAND, new JsonObject().put("alarmId", alarm).put("action", "FALSE_ALARM")
              .put("actor", "x")).await());
      // THEN each failure says what was wrong
      assertEquals(BusFailure.CONFLICT, twice.failure());
      assertTrue(twice.getMessage().contains("ACKNOWLEDGED by first"), twice.getMessage());
      assertEquals(BusFailure.NOT_FOUND, unknown.failure());
      assertEquals(400, noNote.failureCode());
      assertTrue(noNote.getMessage().contains("note"), noNote.getMessage());
      assertEquals("ACKNOWLEDGED", db.strings("SELECT state FROM alarms WHERE id = ?", alarm).get(0));
    }
  }
}
