package org.anxin.infra.devices;

import org.anxin.infra.db.Database;
import org.anxin.infra.mqtt.BrokerFixture;
import org.anxin.infra.security.SecretHasher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Device registration issues secrets once, stores only hashes and imports all or nothing")
class DeviceRegistryTest {

  static BrokerFixture fixture;
  static Database database;
  static DeviceRegistry registry;
  static long elder;
  static long household;

  @BeforeAll
  static void database() {
    fixture = new BrokerFixture();
    database = fixture.database;
    registry = new DeviceRegistry(database);
    household = insertId("INSERT INTO households (address) VALUES ('1 Test Lane') RETURNING id");
    elder = insertId("INSERT INTO elders (household_id, name) VALUES (" + household + ", 'Li Mei') RETURNING id");
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  static long insertId(String sql) {
    return database.withConnection(c -> {
      try (ResultSet rs = c.createStatement().executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    }).await();
  }

  static long count(String where) {
    return insertId("SELECT count(*) FROM devices WHERE " + where);
  }

  static List<String> problemsOf(Runnable registration) {
    Throwable failure = assertThrows(Throwable.class, registration::run);
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return ((DeviceRegistrationException) cause).problems();
  }

  @Test
  @DisplayName("adding a device returns its secret and stores only its SHA-256 and Mosquitto hashes")
  void addStoresOnlyHashes() {
    IssuedSecret issued = registry.add(new NewDevice("wb-add", DeviceType.WRISTBAND, "AX-1", elder, null, 30)).await();
    String[] hashes = database.withConnection(c -> {
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT secret_hash, broker_hash, interval_s, elder_id FROM devices WHERE id = 'wb-add'")) {
        rs.next();
        assertEquals(30, rs.getInt(3));
        assertEquals(elder, rs.getLong(4));
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }).await();
    assertTrue(SecretHasher.matches(issued.secret(), hashes[0]));
    assertTrue(MosquittoHash.matches(issued.secret(), hashes[1]));
    assertFalse(String.join(",", hashes).contains(issued.secret()));
  }

  @Test
  @DisplayName("an import with one bad row stores nothing and names every bad line")
  void importIsAllOrNothing() {
    String csv = DeviceCsv.HEADER + "\n"
        + "wb-imp-1,WRISTBAND,AX-1," + elder + ",,60\n"
        + "ht-imp-2,HOME_TERMINAL,HT-9,," + household + ",\n"
        + "x,WRISTBAND,AX-1,,,60\n"
        + "wb-imp-4,WATCH,AX-1,,,60\n"
        + "wb-imp-1,WRISTBAND,AX-1,,,60\n"
        + "wb-imp-6,WRISTBAND,AX-1,999999,,60\n";
    List<String> problems = problemsOf(() -> registry.importCsv(new StringReader(csv)).await());
    assertEquals(List.of(
        "line 4: device id 'x' must be 3 to 64 letters, digits, '_' or '-'",
        "line 5: type 'WATCH' is neither WRISTBAND nor HOME_TERMINAL",
        "line 6: device id 'wb-imp-1' appears more than once",
        "line 7: elder 999999 does not exist"), problems);
    assertEquals(0, count("id LIKE '%-imp-%'"));
  }

  @Test
  @DisplayName("a clean import of hundreds of rows stores them all in one go, each with its own secret")
  void importStoresEveryRow() {
    StringBuilder csv = new StringBuilder(DeviceCsv.HEADER).append('\n');
    for (int i = 0; i < 500; i++) {
      csv.append("wb-bulk-").append(i).append(",WRISTBAND,\"AX-1, rev 2\",").append(elder).append(",,60\n");
    }
    List<IssuedSecret> issued = registry.importCsv(new StringReader(csv.toString())).await();
    assertEquals(500, issued.size());
    assertEquals(500, issued.stream().map(IssuedSecret::secret).distinct().count());
    assertEquals(500, count("id LIKE 'wb-bulk-%' AND model = 'AX-1, rev 2'"));
  }

  @Test
  @DisplayName("a device already registered is refused and the registered one is left as it was")
  void duplicateIdIsRefused() {
    registry.add(new NewDevice("wb-dup", DeviceType.WRISTBAND, null, null, null, 60)).await();
    List<String> problems = problemsOf(() -> registry.add(
        new NewDevice("wb-dup", DeviceType.HOME_TERMINAL, null, null, household, 60)).await());
    assertEquals(List.of("device id 'wb-dup' is already registered"), problems);
    assertEquals(1, count("id = 'wb-dup' AND type = 'WRISTBAND'"));
  }

  @Test
  @DisplayName("rotate-secret issues a new secret and the old one no longer matches")
  void rotateInvalidatesTheOldSecret() {
    IssuedSecret old = registry.add(new NewDevice("wb-rotate", DeviceType.WRISTBAND, null, elder, null, 60)).await();
    IssuedSecret fresh = registry.rotateSecret("wb-rotate").await();
    DeviceLogin login = database.withConnection(c -> DeviceSql.logins(c, List.of("wb-rotate"))).await()
        .get("wb-rotate");
    assertFalse(SecretHasher.matches(old.secret(), login.secretHash()));
    assertTrue(SecretHasher.matches(fresh.secret(), login.secretHash()));
    String brokerHash = registry.brokerHashes().await().get("wb-rotate");
    assertFalse(MosquittoHash.matches(old.secret(), brokerHash));
    assertTrue(MosquittoHash.matches(fresh.secret(), brokerHash));
    assertEquals(List.of("no device 'wb-nope' is registered"),
        problemsOf(() -> registry.rotateSecret("wb-nope").await()));
  }
}
