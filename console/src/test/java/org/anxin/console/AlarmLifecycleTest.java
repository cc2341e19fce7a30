package org.anxin.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.console.testing.ApiClient;
import org.anxin.console.testing.Console;
import org.anxin.console.testing.EventStream;
import org.anxin.console.testing.People;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives alarms end to end through the real dispatcher verticles: raised by the shared raising code, escalated,
 * acknowledged, on site and resolved from the API, with the changes on the live streams; and the supervisor's
 * report from the dispatcher's report verticle.
 */
@DisplayName("Alarm lifecycle through the API and the real dispatcher, with the live stream")
class AlarmLifecycleTest {

  private static Console console;
  private static People people;

  @BeforeAll
  static void start() throws Exception {
    console = Console.start(Map.of(), true);
    people = console.people();
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  @Test
  @DisplayName("a carer acknowledges, goes on site and resolves; each step is the dispatcher's, recorded and streamed")
  void carerHandlesAnAlarm() throws Exception {
    // GIVEN the carer's and the operator's streams, and a FALL raised for elder A
    ApiClient carer = console.as("carA");
    ApiClient operator = console.as("op");
    try (EventStream carerStream = console.stream(carer); EventStream desk = console.stream(operator)) {
      long fall = console.raise(people.elderA(), people.householdA(), AlarmType.FALL, 1);
      carerStream.await("the carer's notice", e -> e.type().equals("notice")
          && e.data().getJsonObject("alarm").getLong("id") == fall);
      desk.await("the escalation on the desk", e -> e.type().equals("alarm")
          && e.data().getJsonObject("alarm").getLong("id") == fall && "ESCALATED".equals(e.data().getString("change")));
      // WHEN the carer acknowledges, is on site, and resolves
      JsonObject acked = carer.post("/api/alarms/" + fall + "/acknowledge", new JsonObject()).expect(200).json();
      carer.post("/api/alarms/" + fall + "/on-site", new JsonObject()).expect(200);
      JsonObject resolved = carer.post("/api/alarms/" + fall + "/resolve", new JsonObject().put("note", "扶起, 无伤"))
          .expect(200).json();
      // THEN the dispatcher answered each change, a closed alarm refuses another with 409
      assertEquals("ACKNOWLEDGED", acked.getString("state"));
      assertEquals("carA", acked.getString("acknowledgedBy"));
      assertEquals("RESOLVED", resolved.getString("state"));
      assertEquals("conflict", carer.post("/api/alarms/" + fall + "/acknowledge", new JsonObject()).expect(409)
          .json().getString("error"));
      // AND the alarm's page lists the events, and the desk saw every change live
      JsonArray events = operator.get("/api/alarms/" + fall).expect(200).json().getJsonArray("events");
      assertTrue(events.encode().contains("ACKNOWLEDGED") && events.encode().contains("RESOLVED"), events.encode());
      for (String change : new String[] {"ACKNOWLEDGED", "ON_SITE", "RESOLVED"}) {
        desk.await(change + " on the desk", e -> e.type().equals("alarm")
            && e.data().getJsonObject("alarm").getLong("id") == fall && change.equals(e.data().getString("change")));
      }
      // AND the resolved fall proposed a MEDICAL visit order for the elder
      operatorSeesFollowUp(operator, fall);
    }
  }

  @Test
  @DisplayName("the family sees how an alarm was handled, without the names of the people who were notified")
  void familySeesHistoryWithoutOtherPeople() throws Exception {
    ApiClient operator = console.as("op");
    ApiClient daughter = console.as("famA");
    long hr = console.raise(people.elderA(), people.householdA(), AlarmType.HEART_RATE, 2);
    Await.until(Console.WAIT, "a notification recorded", () -> operator.get("/api/alarms/" + hr).json()
        .getJsonArray("events").encode().contains("NOTIFIED"));
    String staffView = operator.get("/api/alarms/" + hr).expect(200).json().getJsonArray("events").encode();
    String familyView = daughter.get("/api/alarms/" + hr).expect(200).json().getJsonArray("events").encode();
    assertTrue(staffView.contains("\"name\""), staffView);
    assertTrue(familyView.contains("NOTIFIED") && familyView.contains("\"step\""), familyView);
    assertFalse(familyView.contains("\"name\"") || familyView.contains("\"userId\""), familyView);
  }

  @Test
  @DisplayName("a false alarm needs a note: 400 without, closed with one")
  void falseAlarmNeedsNote() throws Exception {
    ApiClient operator = console.as("op");
    long smoke = console.raise(people.elderB(), people.householdB(), AlarmType.SMOKE, 1);
    assertEquals("bad_request", operator.post("/api/alarms/" + smoke + "/false-alarm", new JsonObject()).expect(400)
        .json().getString("error"));
    assertEquals("FALSE_ALARM", operator.post("/api/alarms/" + smoke + "/false-alarm",
        new JsonObject().put("note", "做饭的油烟")).expect(200).json().getString("state"));
  }

  @Test
  @DisplayName("a reconnecting stream gets what it missed after its Last-Event-ID; an unknown id gets a reset")
  void resumesFromLastEventId() throws Exception {
    ApiClient operator = console.as("op");
    String lastId;
    try (EventStream first = console.stream(operator)) {
      long water = console.raise(people.elderB(), people.householdB(), AlarmType.WATER_LEAK, 2);
      lastId = first.await("the leak", e -> e.type().equals("alarm")
          && e.data().getJsonObject("alarm").getLong("id") == water).id();
    }
    long door = console.raise(people.elderA(), people.householdA(), AlarmType.NIGHT_DOOR, 2);
    try (EventStream resumed = EventStream.resume(console, operator, lastId);
         EventStream stranger = EventStream.resume(console, operator, "ffffffff-1")) {
      resumed.await("the missed night door", e -> e.type().equals("alarm")
          && e.data().getJsonObject("alarm").getLong("id") == door);
      assertFalse(resumed.any(e -> lastId.equals(e.id())), "the event before the resume point came again");
      stranger.await("a reset", e -> e.type().equals("reset"));
    }
  }

  @Test
  @DisplayName("heartbeats flow; signing out ends the stream at the next heartbeat; screen pops reach the desk only")
  void heartbeatLogoutAndScreenPops() {
    ApiClient operator = console.as("op");
    ApiClient daughter = console.as("famA");
    try (EventStream desk = console.stream(operator); EventStream family = console.stream(daughter)) {
      desk.awaitHeartbeats(1, Duration.ofSeconds(5));
      console.vertx().eventBus().publish(Addresses.CALL_EVENT, new JsonObject().put("kind", "RINGING")
          .put("callerNumber", "13800000002").put("elderId", people.elderB()));
      assertNotNull(desk.await("the screen pop", e -> e.type().equals("call")));
      daughter.post("/api/logout", new JsonObject()).expect(204);
      family.awaitHeartbeats(2, Duration.ofSeconds(5));
      assertTrue(family.ended(), "the signed-out stream is still open");
      assertFalse(family.any(e -> e.type().equals("call")));
    }
  }

  @Test
  @DisplayName("the supervisor reads today's acknowledgement shares from the dispatcher's report")
  void supervisorReport() {
    String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    JsonObject report = console.as("sup").get("/api/reports/ack-times?from=" + today + "&to=" + today).expect(200)
        .json();
    assertNotNull(report.getJsonArray("rows"));
    console.as("sup").get("/api/reports/ack-times?from=2026-13-01&to=" + today).expect(400);
  }

  @Test
  @DisplayName("the supervisor's summary counts today's alarms, orders and calls per township")
  void supervisorSummary() {
    console.alarm(people.elderB(), people.householdB(), "GAS", 1);
    console.order(people.elderB(), "ERRAND");
    String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    JsonObject summary = console.as("sup").get("/api/reports/summary?from=" + today + "&to=" + today).expect(200)
        .json();
    long alarms = summary.getJsonArray("alarms").stream().map(JsonObject.class::cast)
        .mapToLong(r -> r.getLong("alarms")).sum();
    assertTrue(alarms >= 1, summary.encode());
    assertTrue(summary.getJsonArray("orders").stream().map(JsonObject.class::cast)
        .anyMatch(r -> Long.valueOf(people.townshipB()).equals(r.getLong("townshipId"))), summary.encode());
    console.as("op").get("/api/reports/summary?from=" + today + "&to=" + today).expect(403);
    console.as("sup").get("/api/reports/summary?from=" + today + "&to=2020-01-01").expect(400);
  }

  private static void operatorSeesFollowUp(ApiClient operator, long fall) {
    Await.until(Console.WAIT, "the MEDICAL follow-up order", () -> operator
        .get("/api/orders?elderId=" + people.elderA() + "&type=MEDICAL").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).anyMatch(o -> Long.valueOf(fall).equals(o.getLong("alarmId"))));
  }
}
