package org.anxin.dispatcher.report;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.OrderDesk;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.report.AckTimesQuery;
import org.anxin.infra.bus.report.AckTimesReport;
import org.anxin.infra.bus.report.ReportBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("report.ack-times: the share of alarms acknowledged within 60 s and 180 s, per day and township")
class AckTimesReportTest {

  private static DispatcherDb db;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    db = DispatcherDb.create();
    vertx = Vertx.vertx();
    vertx.deployVerticle(new ReportVerticle(db.database(), OrderDesk.ZONE)).await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    db.close();
  }

  @Test
  @DisplayName("counts acknowledgements within 60 s and 180 s per local day and township; open ones count against, "
      + "self-closed ones not at all")
  void sharesPerDayAndTownship() {
    // GIVEN on one local day in the elder's township: acked after 30 s, 120 s and 400 s, one open, one self-closed
    Home home = new People(db).newHome();
    String day = "2026-11-28 10:00:00+08";
    for (int seconds : new int[] {30, 120, 400}) {
      db.execute("INSERT INTO alarms (elder_id, type, priority, state, opened_at, acknowledged_at, closed_at, "
          + "closed_by) VALUES (?, 'FALL', 1, 'RESOLVED', ?::timestamptz, ?::timestamptz + make_interval(secs => ?), "
          + "now(), 'carer')", home.elderId(), day, day, seconds);
    }
    db.execute("INSERT INTO alarms (elder_id, type, priority, state, opened_at) VALUES (?, 'SOS', 1, 'OPEN', "
        + "?::timestamptz)", home.elderId(), day);
    db.execute("INSERT INTO alarms (elder_id, type, priority, state, opened_at, closed_at, closed_by) VALUES "
        + "(?, 'LOW_BATTERY', 3, 'RESOLVED', ?::timestamptz, now(), 'system')", home.elderId(), day);
    // WHEN a supervisor asks for that day
    AckTimesReport report = new ReportBus(vertx.eventBus()).ackTimes(new AckTimesQuery(LocalDate.of(2026, 11, 28),
        LocalDate.of(2026, 11, 28), null, null)).await();
    // THEN four alarms count (the open one against), one within 60 s and two within 180 s
    assertEquals(1, report.rows().size());
    AckTimesReport.Row row = report.rows().get(0);
    assertEquals(List.of(4L, 1L, 2L), List.of(row.alarms(), row.within60(), row.within180()));
    assertEquals(home.townshipId(), row.townshipId());
    assertEquals(0.25, row.share60(), 1e-9);
    assertEquals(0.5, row.share180(), 1e-9);
  }

  @Test
  @DisplayName("answers 400 to a malformed period")
  void rejectsMalformedPeriod() {
    ReplyException e = assertThrows(ReplyException.class, () -> vertx.eventBus().request(Addresses.REPORT_ACK_TIMES,
        new JsonObject().put("from", "2026-11-28").put("to", "yesterday")).await());
    assertEquals(400, e.failureCode());
  }
}
