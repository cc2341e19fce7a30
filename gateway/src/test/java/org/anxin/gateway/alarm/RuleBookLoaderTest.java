package org.anxin.gateway.alarm;

import io.vertx.core.Vertx;
import org.anxin.gateway.rules.ElderRules;
import org.anxin.gateway.rules.LocalWindow;
import org.anxin.gateway.rules.RuleInput;
import org.anxin.gateway.rules.StoredDevice;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The rule settings as loaded from elders, safe zones and devices")
class RuleBookLoaderTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static TestDatabase testDb;
  private static Vertx vertx;
  private static Database database;
  private static AlarmFleet fleet;
  private static RuleBookLoader.Loaded loaded;

  @BeforeAll
  static void load() throws SQLException {
    testDb = TestDatabase.create();
    vertx = Vertx.vertx();
    database = Database.open(vertx, testDb.options());
    Migrations.apply(database.dataSource());
    fleet = AlarmFleet.create(database, 30.0, 120.0);
    try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO safe_zones (elder_id, name, kind, polygon, active_from, active_to) VALUES ("
          + fleet.elderId() + ", 'block', 'POLYGON', '[[30,120],[30,120.01],[30.01,120.01]]', '20:00', '06:00')");
      st.execute("UPDATE elders SET rule_settings = '{\"inactivityMinutes\":\"soon\"}' WHERE id <> "
          + fleet.elderId() + " AND id <> " + fleet.wanderer());
      st.execute("UPDATE elders SET rule_settings = '{\"inactivityMinutes\":240,\"hrMax\":110}' WHERE id = "
          + fleet.elderId());
    }
    loaded = new RuleBookLoader(database, SHANGHAI).load().await();
  }

  @AfterAll
  static void close() {
    database.close();
    vertx.close().await();
    testDb.close();
  }

  @Test
  @DisplayName("takes each elder's overrides, and a dementia elder's category defaults")
  void overridesAndCategories() {
    ElderRules one = loaded.book().forElder(fleet.elderId());
    assertEquals(Duration.ofHours(4), one.inactivity());
    assertEquals(110, one.hrMax());
    assertFalse(one.nightDoor());
    ElderRules wanderer = loaded.book().forElder(fleet.wanderer());
    assertTrue(wanderer.dementia());
    assertEquals(1, wanderer.fencePriority());
    assertTrue(wanderer.nightDoor());
  }

  @Test
  @DisplayName("reads circle and polygon zones with their local time window")
  void zones() {
    ElderRules one = loaded.book().forElder(fleet.elderId());
    assertEquals(1, one.zones().size());
    assertTrue(one.zones().get(0).isPolygon());
    assertEquals(LocalWindow.parse("20:00", "06:00"), one.zones().get(0).active());
    assertEquals(300, loaded.book().forElder(fleet.wanderer()).zones().get(0).radiusM());
  }

  @Test
  @DisplayName("falls back to the defaults for an elder whose settings cannot be used")
  void brokenSettings() {
    long third = loaded.owners().get("ht-3").elderId();
    assertEquals(Duration.ofHours(12), loaded.book().forElder(third).inactivity());
  }

  @Test
  @DisplayName("gives a home terminal to the one elder of its household, with the household's village")
  void owners() {
    StoredDevice terminal = loaded.owners().get("ht-2");
    assertEquals(RuleInput.DeviceKind.HOME_TERMINAL, terminal.kind());
    assertEquals(fleet.wanderer(), terminal.elderId());
    StoredDevice band = loaded.owners().get("wb-2");
    assertEquals(terminal.householdId(), band.householdId());
    assertEquals(terminal.villageId(), band.villageId());
  }
}
