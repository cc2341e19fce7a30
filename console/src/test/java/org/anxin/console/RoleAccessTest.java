package org.anxin.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.anxin.console.testing.ApiClient;
import org.anxin.console.testing.ApiClient.Answer;
import org.anxin.console.testing.Console;
import org.anxin.console.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verifies for each role which endpoints it may call: a role that may not gets 403, one that may gets past the
 * role check (its answer may still be 409 when the dispatcher refuses the state change). Every user here has elder A
 * in scope, so scope plays no part; the real dispatcher answers orders and reports.
 */
@DisplayName("Roles: each endpoint's roles are enforced for operator, supervisor, admin, family and carer")
class RoleAccessTest {

  private static final List<String> USERS = List.of("op", "sup", "adm", "famA", "carA");

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
  @DisplayName("every listed endpoint answers 403 exactly to the roles it does not name")
  void rolesPerEndpoint() {
    // GIVEN an alarm and an order of elder A, and a table of endpoints with the users allowed to call them
    long alarm = console.alarm(people.elderA(), people.householdA(), "FALL", 1);
    long order = console.order(people.elderA(), "CLEANING");
    String today = LocalDate.now().toString();
    Map<String, Set<String>> table = new LinkedHashMap<>();
    table.put("GET /api/alarms", Set.copyOf(USERS));
    table.put("GET /api/alarms/" + alarm, Set.copyOf(USERS));
    table.put("POST /api/alarms/" + alarm + "/acknowledge", Set.of("op", "sup", "carA"));
    table.put("POST /api/alarms/" + alarm + "/on-site", Set.of("op", "sup", "carA"));
    table.put("GET /api/orders", Set.copyOf(USERS));
    table.put("GET /api/orders/" + order, Set.copyOf(USERS));
    table.put("POST /api/orders", Set.of("op", "sup", "famA"));
    table.put("POST /api/orders/" + order + "/accept", Set.of("op", "sup"));
    table.put("POST /api/orders/" + order + "/start", Set.of("op", "sup", "carA"));
    table.put("POST /api/orders/" + order + "/review", Set.of("op", "sup"));
    table.put("POST /api/orders/" + order + "/cancel", Set.of("op", "sup", "famA"));
    table.put("GET /api/return-visits", Set.of("op", "sup"));
    table.put("GET /api/calls", Set.of("op", "sup"));
    table.put("GET /api/elders", Set.copyOf(USERS));
    table.put("GET /api/elders/" + people.elderA() + "/location", Set.copyOf(USERS));
    table.put("GET /api/reports/ack-times?from=" + today + "&to=" + today, Set.of("sup", "adm"));
    table.put("GET /api/admin/users", Set.of("adm"));
    table.put("POST /api/admin/elders", Set.of("adm"));
    table.put("POST /api/admin/devices", Set.of("adm"));
    table.put("PUT /api/admin/users/" + people.famA() + "/elders/" + people.elderA(), Set.of("adm"));
    List<String> wrong = new ArrayList<>();
    for (String user : USERS) {
      ApiClient client = console.as(user);
      for (Map.Entry<String, Set<String>> row : table.entrySet()) {
        // WHEN each user calls each endpoint
        String[] parts = row.getKey().split(" ", 2);
        Answer a = client.send(HttpMethod.valueOf(parts[0]), parts[1], body(parts[1]));
        // THEN exactly the roles not named get 403
        boolean allowed = row.getValue().contains(user);
        if (allowed == (a.status() == 403) || a.status() == 401 || a.status() >= 500) {
          wrong.add(user + " " + row.getKey() + " -> " + a.status() + " " + a.text());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  @DisplayName("the Party member record is shown to operators and admins only")
  void partyRecord() {
    assertNotNull(console.as("op").get("/api/elders/" + people.elderA()).expect(200).json().getString("partyBranch"));
    assertNotNull(console.as("adm").get("/api/elders/" + people.elderA()).expect(200).json()
        .getString("partyBranch"));
    for (String user : List.of("famA", "carA", "sup")) {
      JsonObject elder = console.as(user).get("/api/elders/" + people.elderA()).expect(200).json();
      assertNull(elder.getString("partyBranch"), user);
      assertFalse(elder.containsKey("partyRecord"), user);
    }
  }

  @Test
  @DisplayName("a family member's request becomes an order from the dispatcher, sourced FAMILY, and shows in the list")
  void familyRequestsAService() {
    ApiClient daughter = console.as("famA");
    JsonObject order = daughter.post("/api/orders", new JsonObject().put("elderId", people.elderA())
        .put("type", "MEAL").put("notes", "no salt")).expect(201).json();
    assertEquals("FAMILY", order.getString("source"));
    assertEquals("famA", order.getString("createdBy"));
    assertTrue(daughter.get("/api/orders?elderId=" + people.elderA()).expect(200).json().getJsonArray("items")
        .stream().map(JsonObject.class::cast).anyMatch(o -> o.getLong("id").equals(order.getLong("id"))));
  }

  @Test
  @DisplayName("the desk reads the call history with its events; a hotline action answers 503 when no hotline runs")
  void callsForTheDesk() {
    long call = console.sql(c -> org.anxin.console.testing.Seed.id(c, "INSERT INTO calls (channel_uniqueid, "
        + "caller_number, elder_id, agent) VALUES ('1764.1', '13800000002', ?, 'op') RETURNING id", people.elderB()));
    console.sql(c -> org.anxin.console.testing.Seed.id(c, "INSERT INTO call_events (call_id, kind) VALUES (?, "
        + "'RINGING') RETURNING id", call));
    long order = console.sql(c -> org.anxin.console.testing.Seed.id(c, "INSERT INTO service_orders (elder_id, type, "
        + "source, call_id, request_key) VALUES (?, 'MEAL', 'IVR', ?, 'ivr:1764.1:1') RETURNING id", people.elderB(),
        call));
    ApiClient operator = console.as("op");
    JsonObject one = operator.get("/api/calls/" + call).expect(200).json();
    assertEquals("13800000002", one.getString("callerNumber"));
    assertEquals(1, one.getJsonArray("events").size());
    assertEquals(order, one.getJsonArray("orders").getJsonObject(0).getLong("id"));
    assertEquals("ivr:1764.1:1", one.getJsonArray("orders").getJsonObject(0).getString("requestKey"));
    assertEquals(1, operator.get("/api/calls?elderId=" + people.elderB()).expect(200).json().getJsonArray("items")
        .size());
    console.as("famA").get("/api/calls/" + call).expect(403);
    long started = System.nanoTime();
    assertEquals("unavailable", operator.post("/api/calls/" + call + "/wrap-up", new JsonObject()
        .put("disposition", "ORDER_CREATED")).expect(503).json().getString("error"));
    assertTrue(System.nanoTime() - started < 5_000_000_000L, "the 503 took too long");
  }

  private static JsonObject body(String path) {
    if (path.equals("/api/orders")) {
      return new JsonObject().put("elderId", people.elderA()).put("type", "VISIT");
    }
    if (path.endsWith("/review")) {
      return new JsonObject().put("rating", 4).put("comment", "fine");
    }
    if (path.equals("/api/admin/elders")) {
      return new JsonObject().put("householdId", people.householdA()).put("name", "新老人");
    }
    return new JsonObject().put("relation", "女儿");
  }
}
