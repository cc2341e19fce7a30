package org.anxin.console.web;

import org.anxin.console.testing.Console;
import org.anxin.console.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verifies that an admin registers a wristband and sees its secret once (the database keeps only a hash), unassigns
 * it by emptying its elder, adds, changes (an emptied field cleared) and deletes a provider, and draws
 * a circular and a polygonal safe zone on the map, which land in {@code safe_zones} in WGS-84 as the gateway reads
 * them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class AdminPagesTest {

  private Console console;
  private People people;
  private Browser admin;

  @BeforeAll
  void start() throws Exception {
    Browser.requireChromium();
    console = Console.start(Map.of(), false);
    people = console.people();
    admin = Browser.open("admin", "http://127.0.0.1:" + console.port(), 1280, 900);
    admin.login("adm", People.PASSWORD);
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(admin, console);
  }

  @Test
  @DisplayName("an admin registers a wristband for an elder and is shown its secret once")
  void registerDevice() {
    // GIVEN the devices tab
    admin.click(By.cssSelector("[data-tab='devices']"));
    admin.find(By.id("register-device"));
    // WHEN a wristband is registered for elder B
    admin.type(By.id("f-id"), "wb-B-0002");
    admin.type(By.id("f-elderId"), String.valueOf(people.elderB()));
    admin.type(By.id("f-model"), "AX-7");
    admin.find(By.cssSelector("#register-device button[type=submit]")).click();
    // THEN the secret is shown, the device is stored with the elder, and only a hash of the secret is kept
    String secret = admin.find(By.cssSelector("#issued-secrets .secret")).getText();
    assertTrue(secret.length() >= 20, secret);
    admin.find(By.cssSelector("table[data-table='devices'] tr[data-id='wb-B-0002']"));
    admin.screenshot("admin-devices.png");
    assertEquals(people.elderB(), console.count("SELECT elder_id FROM devices WHERE id = 'wb-B-0002'"));
    assertEquals(0, console.count("SELECT count(*) FROM devices WHERE secret_hash = ?", secret));
    // AND WHEN the admin edits it and empties its elder, THEN the wristband is unassigned, its model kept
    admin.click(By.cssSelector("[data-edit='wb-B-0002']"));
    admin.until(d -> String.valueOf(people.elderB()).equals(admin.find(By.id("f-elderId")).getAttribute("value")));
    admin.find(By.id("f-elderId")).clear();
    admin.click(By.cssSelector("#register-device button[type=submit]"));
    admin.until(d -> console.count("SELECT count(*) FROM devices WHERE id = 'wb-B-0002' AND elder_id IS NULL "
        + "AND model = 'AX-7'") == 1);
  }

  @Test
  @DisplayName("an admin adds a provider, changes its daily capacity, empties its phone and deletes it")
  void providerCrud() {
    // GIVEN the providers tab, WHEN a provider is added
    admin.click(By.cssSelector("[data-tab='providers']"));
    admin.type(By.id("f-name"), "幸福食堂");
    admin.type(By.id("f-phone"), "0571-8888");
    admin.type(By.id("f-serviceTypes"), "MEAL");
    admin.type(By.id("f-dailyCapacity"), "40");
    admin.click(By.cssSelector("#create-providers button[type=submit]"));
    admin.until(d -> console.count("SELECT count(*) FROM providers WHERE name = '幸福食堂'") == 1);
    long id = console.count("SELECT id FROM providers WHERE name = '幸福食堂'");
    // AND its capacity is changed and its phone emptied through the edit button
    admin.click(By.cssSelector("[data-edit='" + id + "']"));
    admin.until(d -> "40".equals(admin.find(By.id("f-dailyCapacity")).getAttribute("value")));
    admin.type(By.id("f-dailyCapacity"), "60");
    admin.find(By.id("f-phone")).clear();
    admin.click(By.cssSelector("#create-providers button[type=submit]"));
    // THEN the row has the new capacity and no phone, and deleting it removes it
    admin.until(d -> console.count("SELECT daily_capacity FROM providers WHERE id = ?", id) == 60);
    assertEquals(1, console.count("SELECT count(*) FROM providers WHERE id = ? AND phone IS NULL", id));
    admin.click(By.cssSelector("[data-delete='" + id + "']"));
    admin.until(d -> console.count("SELECT count(*) FROM providers WHERE id = ?", id) == 0);
  }

  @Test
  @DisplayName("an admin writes an escalation policy whose first step texts the family and rings the desk")
  void escalationPolicy() {
    // GIVEN the escalation tab's empty policy
    admin.click(By.cssSelector("[data-tab='escalation']"));
    By card = By.cssSelector("[data-policy-id='new']");
    new Select(admin.find(card).findElement(By.className("priority"))).selectByValue("2");
    admin.find(card).findElement(By.className("alarm-type")).sendKeys("WATER_LEAK");
    // WHEN a step of 90 s is added with the family by SMS and the operators on the stream, and saved
    admin.find(card).findElement(By.xpath(".//button[not(contains(@class,'primary'))][last()]")).click();
    admin.type(By.cssSelector("[data-policy-id='new'] .wait-s"), "90");
    admin.click(By.cssSelector("[data-policy-id='new'] tr[data-recipient='FAMILY'] [data-channel='SMS']"));
    admin.click(By.cssSelector("[data-policy-id='new'] tr[data-recipient='OPERATORS'] [data-channel='STREAM']"));
    admin.click(By.cssSelector("[data-policy-id='new'] button.primary"));
    // THEN the policy, its step and both targets are stored for the dispatcher
    admin.until(d -> console.count("SELECT count(*) FROM escalation_targets t JOIN escalation_policies p ON "
        + "p.id = t.policy_id WHERE p.alarm_type = 'WATER_LEAK' AND p.priority = 2") == 2);
    long id = console.count("SELECT id FROM escalation_policies WHERE alarm_type = 'WATER_LEAK'");
    assertEquals(90, console.count("SELECT wait_s FROM escalation_steps WHERE policy_id = ? AND step_no = 1", id));
    assertEquals(1, console.count("SELECT count(*) FROM escalation_targets WHERE policy_id = ? AND recipient = "
        + "'FAMILY' AND channels = ARRAY['SMS']", id));
    admin.find(By.cssSelector("[data-policy-id='" + id + "']"));
  }

  @Test
  @DisplayName("the GCJ-02 display shift moves a Beijing position by a few hundred metres and is undone on storing")
  void gcj02RoundTrip() {
    @SuppressWarnings("unchecked")
    java.util.List<Number> r = (java.util.List<Number>) admin.driver().executeAsyncScript("const done = arguments[0];"
        + "import('/ui/js/map.js').then(m => { const g = m.toGcj02(39.9087, 116.3975); const w = m.fromGcj02(g[0], g[1]);"
        + "done([g[0], g[1], w[0], w[1]]); });");
    double shiftM = Math.hypot((r.get(0).doubleValue() - 39.9087) * 111_000,
        (r.get(1).doubleValue() - 116.3975) * 111_000 * Math.cos(Math.toRadians(39.9)));
    double backM = Math.hypot((r.get(2).doubleValue() - 39.9087) * 111_000, (r.get(3).doubleValue() - 116.3975) * 85_000);
    assertTrue(shiftM > 300 && shiftM < 800, "shift " + shiftM + " m");
    assertTrue(backM < 0.5, "round trip off by " + backM + " m");
  }

  @Test
  @DisplayName("an admin draws a circle and a polygon on the map; both are stored as the gateway's safe zones")
  void drawSafeZones() {
    // GIVEN the safe-zone tab on elder A, whose home and last fix are on the map
    admin.click(By.cssSelector("[data-tab='safe-zones']"));
    admin.type(By.id("zone-elder"), String.valueOf(people.elderA()));
    admin.find(By.id("zone-elder")).sendKeys(Keys.TAB);
    WebElement map = admin.find(By.id("zone-map"));
    admin.until(d -> !map.findElements(By.cssSelector("path.leaflet-interactive")).isEmpty());
    // WHEN a circle is clicked at the map's centre with a 250 m radius, and saved
    admin.type(By.id("zone-radius"), "250");
    new Actions(admin.driver()).moveToElement(map).click().perform();
    admin.find(By.id("zone-save")).click();
    admin.until(d -> console.count("SELECT count(*) FROM safe_zones WHERE elder_id = ?", people.elderA()) == 1);
    // AND a triangle is clicked and saved
    new Select(admin.find(By.id("zone-kind"))).selectByValue("POLYGON");
    admin.type(By.id("zone-name"), "村委会");
    Actions clicks = new Actions(admin.driver());
    for (int[] at : new int[][] {{-80, -60}, {90, -50}, {0, 90}}) {
      clicks.moveToElement(map, at[0], at[1]).click();
    }
    clicks.perform();
    admin.find(By.id("zone-save")).click();
    admin.find(By.cssSelector("#zone-list li:nth-child(2)"));
    admin.screenshot("admin-safe-zone.png");
    // THEN both rows are there, the circle near the elder's home (30.1, 120.1), the polygon with three corners
    assertEquals(250, console.count("SELECT radius_m::bigint FROM safe_zones WHERE kind = 'CIRCLE' AND elder_id = ?",
        people.elderA()));
    assertEquals(1, console.count("SELECT count(*) FROM safe_zones WHERE kind = 'CIRCLE' AND enabled AND "
        + "abs(center_lat - 30.1) < 0.02 AND abs(center_lon - 120.1) < 0.02"));
    assertEquals(3, console.count("SELECT jsonb_array_length(polygon) FROM safe_zones WHERE kind = 'POLYGON'"));
    assertNull(admin.script("return document.body.dataset.cspViolations"));
  }
}
