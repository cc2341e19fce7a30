package org.anxin.console;

import io.vertx.core.json.JsonObject;
import org.anxin.console.testing.ApiClient;
import org.anxin.console.testing.Console;
import org.anxin.console.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Audit: every read of an elder's location or health data is written to audit_log")
class AuditTest {

  private static Console console;
  private static People people;

  @BeforeAll
  static void start() throws Exception {
    console = Console.start();
    people = console.people();
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  @Test
  @DisplayName("location, track, activity, the elder page and an alarm's page each write who read what")
  void locationAndHealthReadsAreAudited() {
    // GIVEN elder A's daughter, signed in
    ApiClient daughter = console.as("famA");
    long alarm = console.alarm(people.elderA(), people.householdA(), "HEART_RATE", 2);
    String elder = "/api/elders/" + people.elderA();
    // WHEN she reads the last location, the track, today's activity, the elder and an alarm
    JsonObject location = daughter.get(elder + "/location").expect(200).json();
    JsonObject track = daughter.get(elder + "/track?since=" + (System.currentTimeMillis() - 3_600_000)).expect(200)
        .json();
    JsonObject activity = daughter.get(elder + "/activity").expect(200).json();
    daughter.get(elder).expect(200);
    daughter.get("/api/alarms/" + alarm).expect(200);
    // THEN she got the data
    assertEquals(30.101, location.getJsonObject("lastFix").getDouble("lat"), 1e-9);
    assertEquals(3, track.getJsonArray("points").size());
    assertEquals(200, activity.getInteger("steps"));
    assertEquals(72, activity.getJsonObject("latestVitals").getInteger("hr"));
    // AND each read wrote one audit row naming her, the action and the elder or alarm
    for (String action : new String[] {"elder.location", "elder.track", "elder.activity", "elder.read"}) {
      assertEquals(1, console.count("SELECT count(*) FROM audit_log WHERE user_id = ? AND username = 'famA' "
          + "AND action = ? AND subject_type = 'elder' AND subject_id = ? AND at > now() - interval '1 minute'",
          people.famA(), action, String.valueOf(people.elderA())), action);
    }
    assertEquals(1, console.count("SELECT count(*) FROM audit_log WHERE user_id = ? AND action = 'alarm.read' "
        + "AND subject_id = ?", people.famA(), String.valueOf(alarm)));
  }

  @Test
  @DisplayName("a refused read of another elder's location returns 404 and reads and records nothing")
  void refusedReadIsNotAudited() {
    ApiClient other = console.as("famB");
    long before = console.count("SELECT count(*) FROM audit_log WHERE user_id = ?", people.famB());
    other.get("/api/elders/" + people.elderA() + "/location").expect(404);
    other.get("/api/elders/" + people.elderA() + "/track").expect(404);
    assertEquals(before, console.count("SELECT count(*) FROM audit_log WHERE user_id = ?", people.famB()));
  }

  @Test
  @DisplayName("a track longer than 7 days or reversed is refused with a reason")
  void trackWindowIsChecked() {
    ApiClient op = console.as("op");
    long now = System.currentTimeMillis();
    JsonObject error = op.get("/api/elders/" + people.elderA() + "/track?since=" + (now - 8 * 86_400_000L))
        .expect(400).json();
    assertEquals("bad_request", error.getString("error"));
    assertTrue(error.getString("message").contains("7 days"));
    op.get("/api/elders/" + people.elderA() + "/track?since=" + now + "&until=" + (now - 1000)).expect(400);
    assertFalse(op.get("/api/elders/" + people.elderA() + "/track?since=yesterday").expect(400).json()
        .getString("message").isEmpty());
  }
}
