package org.anxin.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.anxin.console.testing.ApiClient;
import org.anxin.console.testing.ApiClient.Answer;
import org.anxin.console.testing.Console;
import org.anxin.console.testing.People;
import org.anxin.console.sql.SessionSql;
import org.anxin.infra.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Sessions: sign-in against the password hash, lockout, CSRF, cookie flags, fixation, sign-out")
class SessionSecurityTest {

  private static Console console;

  @BeforeAll
  static void start() throws Exception {
    console = Console.start(Map.of("ANXIN_LOGIN_MAX_FAILURES", "3", "ANXIN_LOGIN_LOCKOUT_S", "600"), false);
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  @Test
  @DisplayName("the right password signs in with a new session id and token; the session then names the user")
  void signsInWithNewSessionId() {
    // GIVEN a browser that opened the console and holds an anonymous session
    ApiClient browser = console.anonymous();
    Answer before = browser.session().expect(200);
    String anonymousCookie = browser.cookie();
    String anonymousToken = browser.csrf();
    assertFalse(before.json().getBoolean("authenticated"));
    // WHEN it signs in with the right password
    Answer login = browser.login("carB", People.PASSWORD).expect(200);
    // THEN the session id and the CSRF token are new (no fixation) and the session names the carer
    assertNotEquals(anonymousCookie, browser.cookie());
    assertNotEquals(anonymousToken, login.json().getString("csrfToken"));
    assertEquals("carer", login.json().getJsonObject("user").getString("role"));
    JsonObject who = browser.session().expect(200).json();
    assertTrue(who.getBoolean("authenticated"));
    assertEquals("carB", who.getJsonObject("user").getString("username"));
    assertEquals(1, console.count("SELECT count(*) FROM audit_log WHERE action = 'login' AND username = 'carB'"));
  }

  @Test
  @DisplayName("a session signed in on one console node works on another: sessions live in the database")
  void sessionServedByAnotherNode() {
    ApiClient first = console.as("sup");
    ApiClient second = console.anotherNode(Map.of()).adopt(first);
    assertEquals("sup", second.session().expect(200).json().getJsonObject("user").getString("username"));
    second.post("/api/logout", new JsonObject()).expect(204);
    String id = first.cookie().substring("anxin_session=".length());
    Await.until(Console.WAIT, "the session ended", () -> console.count(
        "SELECT count(*) FROM console_sessions WHERE id = ? AND ended_at IS NOT NULL", id) == 1);
    first.get("/api/alarms").expect(401);
  }

  @Test
  @DisplayName("a write of a session still in flight when it is signed out does not bring it back")
  void lateWriteAfterSignOut() {
    // GIVEN a stored session
    String id = "late-write-" + System.nanoTime();
    Instant now = Instant.now();
    byte[] data = {1, 2, 3};
    console.sql(c -> {
      SessionSql.put(c, id, data, 1, now, now.plusSeconds(600));
      return null;
    });
    // WHEN it is signed out and a write of it that started earlier lands afterwards
    console.sql(c -> {
      SessionSql.end(c, id, now, now.plusSeconds(3600));
      SessionSql.put(c, id, data, 2, now, now.plusSeconds(600));
      return null;
    });
    // THEN it stays signed out and its values are gone
    assertNull(console.sql(c -> SessionSql.get(c, id, Instant.now())));
    assertEquals(0, console.count("SELECT length(data) FROM console_sessions WHERE id = ?", id));
  }

  @Test
  @DisplayName("the old anonymous session id does not carry the sign-in")
  void oldSessionIdIsNotSignedIn() {
    // GIVEN an anonymous session id noted before signing in
    ApiClient browser = console.anonymous();
    browser.session();
    ApiClient attacker = console.anonymous();
    attacker.session();
    String planted = browser.cookie();
    // WHEN the browser signs in
    browser.login("sup", People.PASSWORD).expect(200);
    // THEN a request with the planted old id is not signed in
    Answer withOld = console.web().get("/api/alarms").putHeader("Cookie", planted).send()
        .map(r -> new Answer(r.statusCode(), r.bodyAsString(), r.headers())).await();
    assertEquals(401, withOld.status());
  }

  @Test
  @DisplayName("a wrong password and an unknown user answer the same 401")
  void wrongPasswordAndUnknownUser() {
    ApiClient browser = console.anonymous();
    Answer wrong = browser.login("famA", "not the password").expect(401);
    Answer unknown = browser.login("nobody", "not the password").expect(401);
    assertEquals(wrong.json(), unknown.json());
    assertEquals("unauthorized", wrong.json().getString("error"));
  }

  @Test
  @DisplayName("after 3 wrong passwords the account is locked, even to the right one, and the lock is recorded")
  void locksAfterRepeatedFailures() {
    // GIVEN a user who mistypes the password three times
    ApiClient browser = console.anonymous();
    for (int i = 0; i < 3; i++) {
      browser.login("famB", "wrong " + i).expect(401);
    }
    // WHEN the right password comes next
    Answer locked = browser.login("famB", People.PASSWORD);
    // THEN the account is locked (423) and users.locked_until is set
    assertEquals(423, locked.status(), locked.text());
    assertEquals("locked", locked.json().getString("error"));
    assertEquals(1, console.count("SELECT count(*) FROM users WHERE username = 'famB' AND failed_logins = 3 "
        + "AND locked_until > now() + interval '9 minutes'"));
    // AND an admin's unlock lets the user in again
    ApiClient admin = console.as("adm");
    admin.send(HttpMethod.PATCH, "/api/admin/users/" + console.people().famB(),
        new JsonObject().put("failedLogins", 0).putNull("lockedUntil")).expect(200);
    console.anonymous().login("famB", People.PASSWORD).expect(200);
  }

  @Test
  @DisplayName("a change without the CSRF token, or with another session's, is refused with 403")
  void csrfRefusal() {
    // GIVEN a signed-in operator and another session's token
    ApiClient op = console.as("op");
    String foreign = console.as("sup").csrf();
    long alarm = console.alarm(console.people().elderA(), console.people().householdA(), "SOS", 1);
    // WHEN it acknowledges without a token, and with the foreign token
    Answer none = op.send(HttpMethod.POST, "/api/alarms/" + alarm + "/acknowledge", new JsonObject(), null);
    Answer wrong = op.send(HttpMethod.POST, "/api/alarms/" + alarm + "/acknowledge", new JsonObject(), foreign);
    // THEN both are refused before reaching anything
    assertEquals(403, none.status());
    assertEquals("csrf", none.json().getString("error"));
    assertEquals(403, wrong.status());
    assertEquals("csrf", wrong.json().getString("error"));
    // AND sign-in itself needs the token
    ApiClient fresh = console.anonymous();
    fresh.session();
    assertEquals(403, fresh.send(HttpMethod.POST, "/api/login",
        new JsonObject().put("username", "op").put("password", People.PASSWORD), null).status());
  }

  @Test
  @DisplayName("signing out ends the session: the next request is 401")
  void logout() {
    ApiClient carer = console.as("carA");
    carer.get("/api/alarms").expect(200);
    carer.post("/api/logout", new JsonObject()).expect(204);
    carer.get("/api/alarms").expect(401);
  }

  @Test
  @DisplayName("the session cookie is HttpOnly, SameSite=Strict, and Secure unless turned off")
  void cookieFlags() throws Exception {
    // GIVEN this console with ANXIN_COOKIE_SECURE=false (plain-HTTP loopback dev) and one with the default
    String plain = setCookie(console.anonymous());
    String tls = setCookie(console.anotherNode(Map.of("ANXIN_COOKIE_SECURE", "true")));
    // THEN both are HttpOnly and SameSite=Strict, and only the default one is Secure
    for (String cookie : new String[] {plain, tls}) {
      assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
      assertTrue(cookie.contains("SameSite=Strict"), cookie);
    }
    assertFalse(plain.contains("Secure"), plain);
    assertTrue(tls.contains("Secure"), tls);
  }

  @Test
  @DisplayName("the OpenAPI document is served without sign-in and describes every route with its roles")
  void openApiDocument() {
    JsonObject doc = console.anonymous().get("/api/openapi.json").expect(200).json();
    assertEquals("3.0.3", doc.getString("openapi"));
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : new String[] {"/api/session", "/api/login", "/api/alarms", "/api/alarms/{id}/acknowledge",
        "/api/orders/{id}/review", "/api/elders/{id}/track", "/api/stream", "/api/reports/ack-times",
        "/api/admin/devices", "/api/admin/users/{id}/elders/{target}"}) {
      assertTrue(paths.containsKey(path), path + " missing from " + paths.fieldNames());
    }
    assertTrue(paths.size() > 40, "only " + paths.size() + " paths");
    JsonObject ack = paths.getJsonObject("/api/alarms/{id}/acknowledge").getJsonObject("post");
    assertEquals(new io.vertx.core.json.JsonArray().add("carer").add("operator").add("supervisor"),
        ack.getJsonArray("x-roles"));
    console.anonymous().get("/api/alarms").expect(401);
    assertEquals("not_found", console.as("op").get("/api/nothing-here").expect(404).json().getString("error"));
  }

  private static String setCookie(ApiClient client) {
    Answer a = client.session().expect(200);
    String header = a.headers().getAll("set-cookie").stream().filter(h -> h.startsWith("anxin_session="))
        .findFirst().orElse(null);
    assertNotNull(header, "no session cookie in " + a.headers());
    return header;
  }
}
