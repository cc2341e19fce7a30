package org.anxin.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.console.testing.ApiClient;
import org.anxin.infra.testing.Await;
import org.anxin.console.testing.Console;
import org.anxin.console.testing.People;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.security.SecretHasher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Admin: devices with a secret shown once, households, elders, zones, users and their links")
class AdminTest {

  private static Console console;
  private static People people;
  private static ApiClient admin;

  @BeforeAll
  static void start() throws Exception {
    console = Console.start();
    people = console.people();
    admin = console.as("adm");
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  @Test
  @DisplayName("an admin registers a wristband and sees its secret once; the platform keeps only its hash")
  void registersDeviceWithSecretShownOnce() {
    // WHEN the admin registers a wristband for elder B
    JsonObject issued = admin.post("/api/admin/devices", new JsonObject().put("id", "wb-B-0001")
        .put("type", "WRISTBAND").put("model", "AX-1").put("elderId", people.elderB())).expect(201).json();
    // THEN the answer holds the secret, and the stored row only its hash
    String secret = issued.getString("secret");
    assertTrue(secret.length() >= 32, secret);
    String hash = console.sql(c -> {
      try (var st = c.prepareStatement("SELECT secret_hash FROM devices WHERE id = 'wb-B-0001'");
           var rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    });
    assertNotEquals(secret, hash);
    assertTrue(SecretHasher.matches(secret, hash));
    // AND reading the device again shows no secret nor hash
    String again = admin.get("/api/admin/devices/wb-B-0001").expect(200).text();
    assertFalse(again.contains(secret));
    assertFalse(again.toLowerCase().contains("hash"), again);
    // AND a new secret replaces the old one
    String rotated = admin.post("/api/admin/devices/wb-B-0001/rotate-secret", new JsonObject()).expect(200).json()
        .getString("secret");
    assertNotEquals(secret, rotated);
    admin.post("/api/admin/devices/nope-0001/rotate-secret", new JsonObject()).expect(404);
    assertEquals(2, console.count("SELECT count(*) FROM audit_log WHERE subject_id = 'wb-B-0001' "
        + "AND action IN ('device.register', 'device.rotate-secret')"));
  }

  @Test
  @DisplayName("a CSV import registers all devices with their secrets, or none with every problem")
  void importsCsv() {
    String good = "device_id,type,model,elder_id,household_id,interval_s\n"
        + "ht-A-0001,HOME_TERMINAL,H1,," + people.householdA() + ",60\n"
        + "wb-A-0002,WRISTBAND,AX-1," + people.elderA() + ",,30\n";
    JsonArray devices = admin.postText("/api/admin/devices/import", "text/csv", good).expect(201).json()
        .getJsonArray("devices");
    assertEquals(2, devices.size());
    assertTrue(devices.getJsonObject(0).getString("secret").length() >= 32);
    String bad = "device_id,type,model,elder_id,household_id,interval_s\n"
        + "ok-0003,WRISTBAND,AX-1," + people.elderA() + ",,30\n"
        + "x,BANANA,,,,\n";
    JsonObject error = admin.postText("/api/admin/devices/import", "text/csv", bad).expect(400).json();
    assertEquals("invalid_devices", error.getString("error"));
    assertEquals(0, console.count("SELECT count(*) FROM devices WHERE id = 'ok-0003'"));
  }

  @Test
  @DisplayName("a household, an elder and a safe zone are created; zones tell the gateway to reload its rules")
  void createsHouseholdElderAndZone() {
    List<JsonObject> reloads = new CopyOnWriteArrayList<>();
    console.vertx().eventBus().<JsonObject>consumer(Addresses.RULES_CHANGED, m -> reloads.add(m.body()));
    long household = admin.post("/api/admin/households", new JsonObject().put("address", "桃园村 7 号")
        .put("villageId", people.villageA()).put("homeLat", 30.2).put("homeLon", 120.2)).expect(201).json()
        .getLong("id");
    JsonObject elder = admin.post("/api/admin/elders", new JsonObject().put("householdId", household)
        .put("name", "陈桂兰").put("categories", new JsonArray().add("LIVING_ALONE")).put("birthDate", "1941-03-02")
        .put("partyRecord", new JsonObject().put("joined", 1965))).expect(201).json();
    assertEquals(new JsonArray().add("LIVING_ALONE"), elder.getJsonArray("categories"));
    assertEquals("1941-03-02", elder.getString("birthDate"));
    JsonObject zone = admin.post("/api/admin/safe-zones", new JsonObject().put("elderId", elder.getLong("id"))
        .put("name", "家").put("kind", "CIRCLE").put("centerLat", 30.2).put("centerLon", 120.2).put("radiusM", 300)
        .put("activeFrom", "07:00").put("activeTo", "21:00")).expect(201).json();
    assertEquals("07:00", zone.getString("activeFrom"));
    admin.send(HttpMethod.PATCH, "/api/admin/safe-zones/" + zone.getLong("id"), new JsonObject().put("radiusM", 500))
        .expect(200);
    Await.until(Console.WAIT, "rules.changed for the elder and two zone changes", () -> reloads.size() >= 3);
    // AND mistakes are refused with what is wrong
    assertTrue(admin.post("/api/admin/elders", new JsonObject().put("name", "x")).expect(400).json()
        .getString("message").contains("householdId"));
    assertTrue(admin.post("/api/admin/elders", new JsonObject().put("householdId", household).put("name", "x")
        .put("nmae", "y")).expect(400).json().getString("message").contains("nmae"));
    assertEquals("conflict", admin.post("/api/admin/elders", new JsonObject().put("householdId", 999_999)
        .put("name", "x")).expect(409).json().getString("error"));
    long provider = admin.post("/api/admin/providers", new JsonObject().put("name", "幸福食堂")
        .put("serviceTypes", new JsonArray().add("MEAL")).put("dailyCapacity", 80)).expect(201).json().getLong("id");
    admin.send(HttpMethod.PUT, "/api/admin/providers/" + provider + "/townships/" + people.townshipA(), null)
        .expect(204);
    assertEquals("10:30", admin.post("/api/admin/provider-slots", new JsonObject().put("providerId", provider)
        .put("starts", "10:30").put("ends", "13:00").put("capacity", 40)).expect(201).json().getString("starts"));
    admin.send(HttpMethod.DELETE, "/api/admin/safe-zones/" + zone.getLong("id"), null).expect(204);
    admin.get("/api/admin/safe-zones/" + zone.getLong("id")).expect(404);
  }

  @Test
  @DisplayName("a PATCH with null clears an optional field; a required one is refused, naming the field")
  void nullClearsOptionalFields() {
    // GIVEN an elder with a phone and a note, a device assigned to her and a carer with a phone
    long elder = admin.post("/api/admin/elders", new JsonObject().put("householdId", people.householdA())
        .put("name", "周玉兰").put("phone", "13700000009").put("notes", "左耳听力弱")).expect(201).json().getLong("id");
    admin.post("/api/admin/devices", new JsonObject().put("id", "wb-clear-01").put("type", "WRISTBAND")
        .put("elderId", elder)).expect(201);
    // WHEN the admin sends null for them
    JsonObject cleared = admin.send(HttpMethod.PATCH, "/api/admin/elders/" + elder, new JsonObject()
        .putNull("phone").putNull("notes")).expect(200).json();
    // THEN they are empty in the answer and in the database
    assertTrue(cleared.containsKey("phone") && cleared.getValue("phone") == null, cleared.encode());
    assertEquals(null, cleared.getValue("notes"));
    assertEquals(0, console.count("SELECT count(*) FROM elders WHERE id = ? AND (phone IS NOT NULL OR notes IS NOT "
        + "NULL)", elder));
    admin.send(HttpMethod.PATCH, "/api/admin/devices/wb-clear-01", new JsonObject().putNull("elderId")).expect(200);
    assertEquals(1, console.count("SELECT count(*) FROM devices WHERE id = 'wb-clear-01' AND elder_id IS NULL"));
    // AND a required field, or one the schema never leaves empty, is refused with its name, and nothing changes
    JsonObject refused = admin.send(HttpMethod.PATCH, "/api/admin/elders/" + elder, new JsonObject()
        .putNull("name").putNull("householdId")).expect(400).json();
    assertEquals("bad_request", refused.getString("error"));
    assertTrue(refused.getString("message").contains("name"), refused.encode());
    assertTrue(refused.getString("message").contains("householdId"), refused.encode());
    assertTrue(admin.send(HttpMethod.PATCH, "/api/admin/elders/" + elder, new JsonObject().putNull("careMode"))
        .expect(400).json().getString("message").contains("careMode"));
    assertTrue(admin.post("/api/admin/elders", new JsonObject().put("householdId", people.householdA())
        .put("name", "x").putNull("categories")).expect(400).json().getString("message").contains("categories"));
    assertEquals("周玉兰", admin.get("/api/admin/elders/" + elder).expect(200).json().getString("name"));
  }

  @Test
  @DisplayName("a new family user signs in, sees the elder linked to them, and loses it when unlinked")
  void usersAndLinks() {
    // GIVEN a family user created by the admin, with a password and no link yet
    JsonObject user = admin.post("/api/admin/users", new JsonObject().put("username", "famNew")
        .put("password", "a long new password").put("role", "family").put("displayName", "孙女")).expect(201).json();
    assertFalse(user.containsKey("password") || user.containsKey("passwordHash"), user.encode());
    ApiClient granddaughter = console.anonymous();
    granddaughter.login("famNew", "a long new password").expect(200);
    granddaughter.get("/api/elders/" + people.elderB()).expect(404);
    // WHEN the admin links elder B, THEN she sees B; WHEN unlinked, THEN B is gone at once
    String link = "/api/admin/users/" + user.getLong("id") + "/elders/" + people.elderB();
    admin.send(HttpMethod.PUT, link, new JsonObject().put("relation", "孙女")).expect(204);
    granddaughter.get("/api/elders/" + people.elderB()).expect(200);
    assertEquals(1, admin.get("/api/admin/users/" + user.getLong("id") + "/elders").expect(200).json()
        .getJsonArray("items").size());
    admin.send(HttpMethod.DELETE, link, null).expect(204);
    granddaughter.get("/api/elders/" + people.elderB()).expect(404);
    // AND a short password is refused
    admin.post("/api/admin/users", new JsonObject().put("username", "short").put("password", "abc")
        .put("role", "family")).expect(400);
  }

  @Test
  @DisplayName("an escalation policy's steps are read with their targets and replaced as a whole")
  void escalationPolicies() {
    JsonArray policies = admin.get("/api/admin/escalation-policies").expect(200).json().getJsonArray("items");
    assertTrue(policies.size() >= 3, policies.encode());
    long priority3 = policies.stream().map(JsonObject.class::cast).filter(p -> p.getInteger("priority") == 3)
        .findFirst().orElseThrow().getLong("id");
    String steps = "/api/admin/escalation-policies/" + priority3 + "/steps";
    assertFalse(admin.get(steps).expect(200).json().getJsonArray("steps").isEmpty());
    JsonObject replaced = admin.send(HttpMethod.PUT, steps, new JsonObject().put("steps", new JsonArray()
        .add(new JsonObject().put("waitS", 900).put("targets", new JsonArray()
            .add(new JsonObject().put("recipient", "PRIMARY_CARERS").put("channels", new JsonArray().add("STREAM"))
                .put("onShiftOnly", true))
            .add(new JsonObject().put("recipient", "OPERATORS").put("channels", new JsonArray().add("STREAM")))))
        .add(new JsonObject().put("waitS", 1800).put("targets", new JsonArray()
            .add(new JsonObject().put("recipient", "SUPERVISOR").put("channels", new JsonArray().add("SMS")))))))
        .expect(200).json();
    JsonArray read = admin.get(steps).expect(200).json().getJsonArray("steps");
    assertEquals(replaced.getJsonArray("steps"), read);
    assertEquals(2, read.size());
    assertEquals(900, read.getJsonObject(0).getInteger("waitS"));
    assertEquals(2, read.getJsonObject(0).getJsonArray("targets").size());
    assertEquals("bad_request", admin.send(HttpMethod.PUT, steps, new JsonObject().put("steps", new JsonArray()
        .add(new JsonObject().put("waitS", 60).put("targets", new JsonArray()
            .add(new JsonObject().put("recipient", "NOBODY").put("channels", new JsonArray().add("SMS")))))))
        .expect(400).json().getString("error"));
    assertEquals(2, admin.get(steps).expect(200).json().getJsonArray("steps").size());
    console.as("op").get(steps).expect(403);
  }
}
