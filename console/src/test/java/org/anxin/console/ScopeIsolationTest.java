package org.anxin.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.console.testing.ApiClient;
import org.anxin.console.testing.ApiClient.Answer;
import org.anxin.console.testing.Console;
import org.anxin.console.testing.EventStream;
import org.anxin.console.testing.EventStream.Event;
import org.anxin.console.testing.People;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verifies that a family member and a carer of elder B get nothing of elder A: every alarm, order and elder endpoint
 * of the OpenAPI document answers 403 or 404 for A's ids (lists leave A out), nothing changes, and the live stream,
 * fed by the real dispatcher, brings B's alarm and none of A's; A's new GPS fixes reach only the open maps of A.
 */
@DisplayName("Scope: another elder's family member or carer gets 403/404 everywhere and nothing on the stream")
class ScopeIsolationTest {

  private static Console console;
  private static People people;
  private static long alarmA;
  private static long orderA;

  @BeforeAll
  static void start() throws Exception {
    console = Console.start(Map.of("ANXIN_ESCALATION_SCALE", "1"), true);
    people = console.people();
    alarmA = console.alarm(people.elderA(), people.householdA(), "FALL", 1);
    orderA = console.order(people.elderA(), "MEAL");
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"famB", "carB"})
  @DisplayName("every alarm, order and elder endpoint answers 403 or 404 for elder A's ids, and changes nothing")
  void everyEndpointRefusesElderA(String username) {
    // GIVEN B's family member or carer, signed in, and every endpoint of the API document about alarms, orders, elders
    ApiClient other = console.as(username);
    JsonObject paths = console.anonymous().get("/api/openapi.json").expect(200).json().getJsonObject("paths");
    List<String> checked = new ArrayList<>();
    for (String path : paths.fieldNames()) {
      if (!path.matches("/api/(alarms|orders|elders|return-visits|calls|hotline).*")) {
        continue;
      }
      for (String method : paths.getJsonObject(path).fieldNames()) {
        // WHEN it is called with A's alarm, order or elder
        String url = path.replace("{id}", String.valueOf(path.startsWith("/api/alarms") ? alarmA
            : path.startsWith("/api/orders") ? orderA : people.elderA()));
        Answer a = other.send(HttpMethod.valueOf(method.toUpperCase()), url + query(path), body(path));
        checked.add(method.toUpperCase() + " " + url + " -> " + a.status());
        // THEN a list answers without A, and everything else refuses
        if (!url.contains("{") && !path.contains("{id}") && method.equals("get") && a.status() == 200) {
          assertNoElderA(a.json().getJsonArray("items"), url);
        } else {
          assertTrue(a.status() == 403 || a.status() == 404, method + " " + url + " answered " + a.status() + ": "
              + a.text());
        }
      }
    }
    assertTrue(checked.size() >= 20, "too few endpoints checked: " + checked);
    // AND A's alarm and order are as they were, and no location read of A is recorded for this user
    assertEquals(1, console.count("SELECT count(*) FROM alarms WHERE id = ? AND state = 'OPEN'", alarmA));
    assertEquals(1, console.count("SELECT count(*) FROM service_orders WHERE id = ? AND state = 'NEW'", orderA));
    assertEquals(0, console.count("SELECT count(*) FROM audit_log WHERE username = ? AND subject_id = ?", username,
        String.valueOf(people.elderA())));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"famB", "carB"})
  @DisplayName("the lists filtered to elder A are empty, and B's own things are there")
  void listsFilteredToElderAAreEmpty(String username) {
    ApiClient other = console.as(username);
    long alarmB = console.alarm(people.elderB(), people.householdB(), username.equals("famB") ? "INACTIVITY"
        : "HEART_RATE", 2);
    assertEquals(0, other.get("/api/alarms?elderId=" + people.elderA()).expect(200).json().getJsonArray("items")
        .size());
    assertEquals(0, other.get("/api/orders?elderId=" + people.elderA()).expect(200).json().getJsonArray("items")
        .size());
    assertEquals(0, other.get("/api/elders?q=王").expect(200).json().getJsonArray("items").size());
    JsonArray own = other.get("/api/alarms?elderId=" + people.elderB()).expect(200).json().getJsonArray("items");
    assertTrue(own.stream().map(JsonObject.class::cast).anyMatch(a -> a.getLong("id") == alarmB), own.encode());
    other.get("/api/elders/" + people.elderB()).expect(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"famB", "carB"})
  @DisplayName("the stream brings B's alarm and its acknowledgement, and nothing of A's, through the real dispatcher")
  void streamCarriesOnlyOwnElder(String username) throws Exception {
    // GIVEN streams of A's family member (the control) and of B's family member or carer
    ApiClient own = console.as("famA");
    ApiClient other = console.as(username);
    ApiClient operator = console.as("op");
    try (EventStream control = console.stream(own); EventStream watched = console.stream(other)) {
      // WHEN an SOS is raised for A and then for B, and the operator acknowledges A's and then B's
      AlarmType type = username.equals("famB") ? AlarmType.SOS : AlarmType.SMOKE;
      long sosA = console.raise(people.elderA(), people.householdA(), type, 1);
      long sosB = console.raise(people.elderB(), people.householdB(), type, 1);
      control.await("A's SOS on A's family stream", e -> alarmId(e) == sosA);
      watched.await("B's SOS on the stream of " + username, e -> alarmId(e) == sosB);
      operator.post("/api/alarms/" + sosA + "/acknowledge", new JsonObject()).expect(200);
      operator.post("/api/alarms/" + sosB + "/acknowledge", new JsonObject()).expect(200);
      control.await("A's acknowledgement", e -> alarmId(e) == sosA && "ACKNOWLEDGED".equals(change(e)));
      watched.await("B's acknowledgement", e -> alarmId(e) == sosB && "ACKNOWLEDGED".equals(change(e)));
      // THEN the watched stream, which got B's events after A's, holds nothing about A
      List<Event> leaked = watched.events.stream().filter(e -> mentions(e, people.elderA())).toList();
      assertEquals(List.of(), leaked);
      assertFalse(watched.any(e -> alarmId(e) == sosA));
      // AND the control stream got a notice from the dispatcher addressed to A's family member
      control.await("a notice for A's family", e -> e.type().equals("notice")
          && e.data().getLong("elderId") == people.elderA());
    }
  }

  @Test
  @DisplayName("a fix stored for elder A reaches the operator's, A's family's and A's carer's maps of A within "
      + "seconds; B's family, the page streams and another elder's map get nothing, and B's family and carer cannot "
      + "open A's map")
  void newFixReachesViewersOfThatElderOnly() {
    // GIVEN the operator, A's family and A's carer with A's map open, B's family with B's map open, and two page
    // streams
    try (EventStream operatorMap = console.liveStream(console.as("op"), people.elderA());
         EventStream familyAMap = console.liveStream(console.as("famA"), people.elderA());
         EventStream carerAMap = console.liveStream(console.as("carA"), people.elderA());
         EventStream familyBMap = console.liveStream(console.as("famB"), people.elderB());
         EventStream operatorPage = console.stream(console.as("op"));
         EventStream familyBPage = console.stream(console.as("famB"));
         EventStream familyBOnA = console.liveStream(console.as("famB"), people.elderA());
         EventStream carerBOnA = console.liveStream(console.as("carB"), people.elderA())) {
      // THEN B's family and B's carer cannot open A's map: not found, as every read of another elder
      assertEquals(404, familyBOnA.status());
      assertEquals(404, carerBOnA.status());
      assertTrue(console.count("SELECT count(*) FROM audit_log WHERE action = 'elder.live' AND subject_id = ?",
          String.valueOf(people.elderA())) >= 3);
      // WHEN the gateway stores a new fix of A's wristband
      Instant at = Instant.now();
      console.storeFix(people.wristbandA(), 100, at, 30.2345, 120.3456);
      // THEN the maps of A get it, with the device, time and position
      for (EventStream map : new EventStream[] {operatorMap, familyAMap, carerAMap}) {
        JsonObject fix = map.await("the new fix", e -> e.type().equals("fix")).data();
        assertEquals(people.wristbandA(), fix.getString("deviceId"));
        assertEquals(people.elderA(), fix.getLong("elderId"));
        assertEquals(30.2345, fix.getDouble("lat"), 1e-9);
        assertEquals(120.3456, fix.getDouble("lon"), 1e-9);
        assertEquals(at.toEpochMilli(), fix.getLong("ts"));
      }
      // AND a later fix follows, once, in order
      console.storeFix(people.wristbandA(), 101, at.plusSeconds(5), 30.2350, 120.3460);
      for (EventStream map : new EventStream[] {operatorMap, familyAMap, carerAMap}) {
        map.await("the second fix", e -> e.type().equals("fix") && e.data().getDouble("lat") == 30.2350);
        assertEquals(2, map.events.stream().filter(e -> e.type().equals("fix")).count());
      }
      // AND nobody else got a fix: not B's family, not the page streams
      assertFalse(familyBMap.any(e -> e.type().equals("fix")));
      assertFalse(operatorPage.any(e -> e.type().equals("fix")));
      assertFalse(familyBPage.any(e -> e.type().equals("fix")));
    }
  }

  private static void assertNoElderA(JsonArray items, String url) {
    for (Object o : items) {
      JsonObject item = (JsonObject) o;
      assertFalse(Long.valueOf(people.elderA()).equals(item.getLong("elderId"))
          || Long.valueOf(people.elderA()).equals(item.getLong("id")) && url.startsWith("/api/elders"),
          url + " listed " + item.encode());
    }
  }

  private static String query(String path) {
    return path.endsWith("/track") ? "?since=" + (System.currentTimeMillis() - 3_600_000) : "";
  }

  private static JsonObject body(String path) {
    JsonObject body = new JsonObject().put("note", "test").put("rating", 5).put("comment", "ok");
    if (path.equals("/api/orders")) {
      body.put("elderId", people.elderA()).put("type", "MEAL");
    }
    return body;
  }

  private static long alarmId(Event e) {
    JsonObject alarm = e.data().getJsonObject("alarm");
    return alarm == null || alarm.getLong("id") == null ? -1 : alarm.getLong("id");
  }

  private static String change(Event e) {
    return e.data().getString("change");
  }

  private static boolean mentions(Event e, long elderId) {
    Long id = elderId;
    JsonObject d = e.data();
    return id.equals(d.getLong("elderId")) || d.getJsonObject("alarm") != null
        && id.equals(d.getJsonObject("alarm").getLong("elderId")) || d.getJsonObject("order") != null
        && id.equals(d.getJsonObject("order").getLong("elderId"));
  }
}
