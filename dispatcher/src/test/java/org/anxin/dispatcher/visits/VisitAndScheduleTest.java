package org.anxin.dispatcher.visits;

import org.anxin.infra.testing.Await;
import org.anxin.dispatcher.testing.Dispatcher;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.OrderDesk;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.orders.OrderAction;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.bus.orders.ServiceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Visits checked against the elder's devices; orders from schedules and from a resolved fall")
class VisitAndScheduleTest {

  private static DispatcherDb db;
  private static People people;
  @TempDir
  Path journal;

  @BeforeAll
  static void database() {
    db = DispatcherDb.create();
    people = new People(db);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  @DisplayName("marks a visit verified by a door event at home, or by the wristband near home, and flags one "
      + "nothing saw")
  void verifiesVisitsAgainstDevices() {
    // GIVEN three elders with a VISIT provider each: one home terminal sees the door, one wristband is at home
    Home door = people.newHome();
    Home wristband = people.newHome();
    Home nothing = people.newHome();
    for (Home h : List.of(door, wristband, nothing)) {
      people.newProvider(h.townshipId(), "VISIT", 5);
    }
    db.execute("INSERT INTO devices (id, type, household_id, secret_hash) VALUES ('ht-door', 'HOME_TERMINAL', ?, 'x')",
        door.householdId());
    db.execute("INSERT INTO devices (id, type, elder_id, secret_hash) VALUES ('wb-home', 'WRISTBAND', ?, 'x')",
        wristband.elderId());
    db.execute("INSERT INTO devices (id, type, elder_id, secret_hash) VALUES ('wb-away', 'WRISTBAND', ?, 'x')",
        nothing.elderId());
    try (OrderDesk desk = OrderDesk.start(db, OrderDesk.options(Duration.ofMinutes(15)))) {
      // WHEN each visit runs while the devices report: a door opens, a fix 40 m from home, a fix 3 km away
      OrderView a = startVisit(desk, door);
      OrderView b = startVisit(desk, wristband);
      OrderView c = startVisit(desk, nothing);
      db.execute("INSERT INTO device_events (device_id, boot, seq, ts, channel, type) "
          + "VALUES ('ht-door', 'b1', 1, now(), 'event', 'DOOR_OPEN')");
      db.execute("INSERT INTO telemetry (device_id, boot, seq, ts, lat, lon) VALUES ('wb-home', 'b1', 1, now(), "
          + "31.2003, 121.4002)");
      db.execute("INSERT INTO telemetry (device_id, boot, seq, ts, lat, lon) VALUES ('wb-away', 'b1', 1, now(), "
          + "31.2300, 121.4000)");
      OrderView doneA = desk.act(a.id(), OrderAction.DONE, null);
      OrderView doneB = desk.act(b.id(), OrderAction.DONE, null);
      OrderView doneC = desk.act(c.id(), OrderAction.DONE, null);
      // THEN the first two are verified and the third is flagged for the supervisor
      assertEquals(Boolean.TRUE, doneA.visitVerified());
      assertEquals(Boolean.TRUE, doneB.visitVerified());
      assertEquals(Boolean.FALSE, doneC.visitVerified());
      assertEquals(List.of("1"), db.strings("SELECT visit_evidence->>'doorEvents' FROM service_orders WHERE id = ?",
          a.id()));
      Await.until(WAIT, "the flag published", () -> desk.changes.stream().anyMatch(ch -> ch.order().id() == c.id()
          && ch.change() == OrderChanged.Change.VISIT_UNVERIFIED));
    }
  }

  @Test
  @DisplayName("creates the orders schedules owe, once per elder and slot however often the timer runs")
  void schedulesCreateOrders() throws Exception {
    // GIVEN a daily visit to everyone living alone at a local time two hours ahead, and a daily meal for one elder
    Home alone = people.newHome();
    Home enrolled = people.newHome();
    db.execute("UPDATE elders SET categories = '{LIVING_ALONE}' WHERE id = ?", alone.elderId());
    people.newProvider(alone.townshipId(), "VISIT", 10);
    people.newProvider(enrolled.townshipId(), "MEAL", 10);
    LocalTime slot = LocalTime.now(OrderDesk.ZONE).plusHours(2).withSecond(0).withNano(0);
    LocalDate yesterday = LocalDate.now(OrderDesk.ZONE).minusDays(1);
    db.execute("INSERT INTO order_schedules (category, type, starts_on, every_days, slot_start, slot_minutes) "
        + "VALUES ('LIVING_ALONE', 'VISIT', ?, 1, ?, 60)", yesterday, slot);
    db.execute("INSERT INTO order_schedules (elder_id, type, starts_on, every_days, slot_start, slot_minutes) "
        + "VALUES (?, 'MEAL', ?, 1, ?, 30)", enrolled.elderId(), yesterday, slot);
    try (OrderDesk desk = OrderDesk.start(db, OrderDesk.options(Duration.ofMinutes(15)))) {
      // WHEN the timer has run several times
      boolean todayAhead = ZonedDateTime.of(LocalDate.now(OrderDesk.ZONE), slot, OrderDesk.ZONE).toInstant()
          .isAfter(Instant.now());
      long owed = 2 * (todayAhead ? 2 : 1);
      Await.until(WAIT, "scheduled orders", () -> db.number("SELECT count(*) FROM service_orders "
          + "WHERE source = 'SCHEDULE' AND state = 'ASSIGNED'") == owed);
      Thread.sleep(500); // an absence: five more runs of the 100-ms timer must add nothing
      // THEN each elder has one order per owed slot (today's, when still ahead, and tomorrow's), assigned
      assertEquals(owed, db.number("SELECT count(*) FROM service_orders WHERE source = 'SCHEDULE'"));
      assertEquals(List.of("VISIT"), db.strings("SELECT DISTINCT type FROM service_orders WHERE elder_id = ?",
          alone.elderId()));
      assertEquals(List.of("MEAL"), db.strings("SELECT DISTINCT type FROM service_orders WHERE elder_id = ?",
          enrolled.elderId()));
      assertEquals(0, db.number("SELECT count(*) FROM service_orders WHERE source = 'SCHEDULE' "
          + "AND slot_end - slot_start NOT IN (interval '60 minutes', interval '30 minutes')"));
    }
  }

  @Test
  @DisplayName("a RESOLVED fall proposes a MEDICAL visit order for the elder, linked to the alarm")
  void resolvedFallProposesMedicalVisit() throws Exception {
    // GIVEN an open fall alarm and a medical provider for the elder's township
    Home home = people.newHome();
    long medic = people.newProvider(home.townshipId(), "MEDICAL", 5);
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.options(1), journal).deploy();
         OrderDesk desk = OrderDesk.on(dispatcher.vertx(), db, OrderDesk.options(Duration.ofMinutes(15)))) {
      long alarm = dispatcher.raise(home, AlarmType.FALL, 1);
      // WHEN a carer resolves it
      dispatcher.bus().command(new AlarmCommand(alarm, AlarmAction.RESOLVE, "carer-f", "bruised knee")).await();
      // THEN a MEDICAL order from the alarm is assigned to the medical provider
      Await.until(WAIT, "the follow-up order", () -> db.number("SELECT count(*) FROM service_orders "
          + "WHERE alarm_id = ? AND type = 'MEDICAL' AND source = 'ALARM' AND provider_id = ?", alarm, medic) == 1);
      Await.until(WAIT, "order.changed for the follow-up", () -> desk.changes.stream()
          .anyMatch(c -> c.order().alarmId() != null && c.order().alarmId() == alarm));
    }
  }

  private static OrderView startVisit(OrderDesk desk, Home home) {
    OrderView order = desk.create(home.elderId(), ServiceType.VISIT, Instant.now(), null);
    desk.act(order.id(), OrderAction.ACCEPT, order.providerId());
    return desk.act(order.id(), OrderAction.START, null);
  }
}
