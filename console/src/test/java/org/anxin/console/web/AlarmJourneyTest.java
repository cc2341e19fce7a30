package org.anxin.console.web;

import org.anxin.console.testing.Console;
import org.anxin.console.testing.People;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verifies that an alarm travels through the pages as people see it: raised through the shared raising code (as the
 * gateway raises it), it reaches the operator's queue within 2 s; the operator's acknowledgement reaches the carer's
 * phone and the family's page; a carer on a 360×740 phone acknowledges and is on the way with one tap each; a
 * wandering elder's new fixes move the marker and extend the track on the desk's and the family's maps, and on the
 * carer's phone until the alarm is resolved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class AlarmJourneyTest {

  private Console console;
  private People people;
  private Browser operator;
  private Browser carer;
  private Browser family;

  @BeforeAll
  void start() throws Exception {
    Browser.requireChromium();
    console = Console.start(Map.of(), true);
    people = console.people();
    String base = "http://127.0.0.1:" + console.port();
    operator = Browser.open("operator", base, 1400, 900);
    operator.login("op", People.PASSWORD);
    carer = Browser.open("carer", base, 360, 740);
    carer.login("carA", People.PASSWORD);
    family = Browser.open("family", base, 390, 844);
    family.login("famA", People.PASSWORD);
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(operator, carer, family, console);
  }

  @Test
  @DisplayName("an SOS is on the operator's queue within 2 s; the acknowledgement there reaches carer and family")
  void sosThroughTheDesk() throws Exception {
    // GIVEN the three pages signed in and live
    live(operator);
    live(carer);
    live(family);
    // WHEN an SOS is raised for elder A
    long raisedAt = System.nanoTime();
    long id = console.raise(people.elderA(), people.householdA(), AlarmType.SOS, 1);
    By row = By.cssSelector("#queue tr[data-alarm-id='" + id + "']");
    operator.until(ExpectedConditions.presenceOfElementLocated(row), Duration.ofSeconds(2));
    long shownMs = (System.nanoTime() - raisedAt) / 1_000_000;
    // THEN it is on the queue within 2 s, flashing, with a beep, and running against the target
    assertTrue(shownMs <= 2000, "shown after " + shownMs + " ms");
    operator.until(d -> operator.script("return document.body.dataset.beeps") != null);
    assertTrue(operator.find(row).getText().contains("紧急呼叫"));
    operator.click(row);
    operator.find(By.cssSelector("#detail-body .elder h3"));
    operator.screenshot("operator.png");
    // WHEN the operator acknowledges it with the keyboard
    operator.until(d -> {
      d.findElement(row).sendKeys("a");
      return true;
    });
    // THEN the carer's and the family's pages show it acknowledged
    operator.until(ExpectedConditions.attributeToBe(row, "data-state", "ACKNOWLEDGED"));
    By card = By.cssSelector("[data-alarm-id='" + id + "'][data-state='ACKNOWLEDGED']");
    carer.find(card);
    family.find(card);
    family.screenshot("family.png");
    assertEquals("ACKNOWLEDGED", state(id));
    // AND no page had anything blocked by its Content-Security-Policy
    for (Browser b : new Browser[] {operator, carer, family}) {
      assertNull(b.script("return document.body.dataset.cspViolations"));
    }
  }

  @Test
  @DisplayName("a carer on a 360×740 phone acknowledges a fall and sets off with one tap each")
  void carerOnAPhone() throws Exception {
    // GIVEN the carer's page at phone size
    live(carer);
    // WHEN a fall is raised for the carer's elder
    long id = console.raise(people.elderA(), people.householdA(), AlarmType.FALL, 1);
    By card = By.cssSelector("#my-alarms [data-alarm-id='" + id + "']");
    carer.find(card);
    carer.screenshot("carer.png");
    // THEN one tap acknowledges it and one more says the carer is on the way
    carer.click(By.cssSelector("#my-alarms [data-alarm-id='" + id + "'] [data-action='acknowledge']"));
    carer.click(By.cssSelector("#my-alarms [data-alarm-id='" + id + "'][data-state='ACKNOWLEDGED'] "
        + "[data-action='on-site']"));
    carer.find(By.cssSelector("#my-alarms [data-alarm-id='" + id + "'][data-state='ON_SITE']"));
    assertEquals("ON_SITE", state(id));
    // AND nothing is wider than the phone
    long width = (Long) carer.script("return document.documentElement.scrollWidth");
    assertTrue(width <= 360, "page is " + width + " px wide");
  }

  @Test
  @DisplayName("the supervisor's page shows today's alarms, the shares acknowledged within 60 s and 180 s, and the "
      + "responders on site")
  void supervisorFigures() throws Exception {
    // GIVEN two weeks of handled alarms, orders and calls in both townships
    seedHistory();
    // AND an alarm acknowledged at once
    long id = console.raise(people.elderB(), people.householdB(), AlarmType.SMOKE, 1);
    operator.find(By.cssSelector("#queue tr[data-alarm-id='" + id + "']"));
    operator.click(By.cssSelector("#queue tr[data-alarm-id='" + id + "']"));
    operator.click(By.cssSelector("#detail-body [data-action='acknowledge']"));
    operator.until(ExpectedConditions.attributeToBe(By.cssSelector("#queue tr[data-alarm-id='" + id + "']"),
        "data-state", "ACKNOWLEDGED"));
    // WHEN the supervisor opens the figures
    try (Browser supervisor = Browser.open("supervisor", "http://127.0.0.1:" + console.port(), 1280, 900)) {
      supervisor.login("sup", People.PASSWORD);
      // THEN the acknowledged alarm counts, within 60 s, and the chart is drawn
      supervisor.until(d -> !supervisor.find(By.cssSelector("#sum-alarms b")).getText().equals("0"));
      supervisor.find(By.cssSelector("#chart-days canvas"));
      supervisor.find(By.cssSelector("#chart-other canvas"));
      assertTrue(supervisor.find(By.cssSelector("#sum-60 b")).getText().endsWith("%"));
      assertTrue(supervisor.find(By.cssSelector("#sum-on-site b")).getText().matches("\\d+ / [1-9]\\d*"));
      supervisor.screenshot("supervisor.png");
    }
  }

  @Test
  @DisplayName("a new fix of a wandering elder moves the marker and extends the track on the desk, the family page "
      + "and the carer's phone, whose map shows the zone, home and track and stops when the carer resolves the alarm")
  void mapsFollowAWanderingElder() throws Exception {
    // GIVEN a safe zone around elder A's home, and A's FENCE_EXIT alarm selected on the desk, and shown on A's
    // daughter's page and A's carer's phone
    safeZoneAroundHomeA();
    long id = console.raise(people.elderA(), people.householdA(), AlarmType.FENCE_EXIT, 1);
    operator.click(By.cssSelector("#queue tr[data-alarm-id='" + id + "']"));
    operator.find(By.cssSelector("#detail-body[data-alarm-id='" + id + "']"));
    operator.find(By.cssSelector("#detail-map[data-live='on']"));
    family.find(By.cssSelector("#family-alarms [data-alarm-id='" + id + "']"));
    family.find(By.cssSelector("#family-map[data-live='on']"));
    carer.find(By.cssSelector("#wandering:not([hidden]) #carer-map[data-alarm-id='" + id + "'][data-live='on']"));
    String trackBefore = track();
    // WHEN two new fixes of A's wristband, outside the zone, are stored
    Instant now = Instant.now();
    console.storeFix(people.wristbandA(), 200, now, 30.1040, 120.1060);
    console.storeFix(people.wristbandA(), 201, now.plusSeconds(1), 30.1060, 120.1080);
    // THEN the three maps show the newest position, having taken both fixes, and the desk's track grew
    String newest = "[data-last-fix='30.106,120.108'][data-live-fixes='2']";
    operator.find(By.cssSelector("#detail-map" + newest));
    family.find(By.cssSelector("#family-map" + newest));
    carer.find(By.cssSelector("#carer-map" + newest));
    operator.until(d -> !track().equals(trackBefore));
    operator.screenshot("operator-live-map.png");
    // AND the carer's map shows the zone, the home and the track, its title names A, and the page fits the phone
    carer.find(By.cssSelector("#carer-map path.leaflet-interactive[stroke='#1a7f37']"));
    carer.find(By.cssSelector("#carer-map path.leaflet-interactive[fill='none']"));
    assertTrue(carer.find(By.id("wandering-title")).getText().contains("王秀英"));
    long width = (Long) carer.script("return document.documentElement.scrollWidth");
    assertTrue(width <= 360, "page is " + width + " px wide");
    carer.screenshot("carer-live-map.png");
    // WHEN the carer acknowledges, is on site and resolves the alarm, one tap each
    String card = "#my-alarms [data-alarm-id='" + id + "']";
    carer.click(By.cssSelector(card + "[data-state='OPEN'] [data-action='acknowledge']"));
    carer.click(By.cssSelector(card + "[data-state='ACKNOWLEDGED'] [data-action='on-site']"));
    carer.click(By.cssSelector(card + "[data-state='ON_SITE'] [data-action='resolve']"));
    // THEN the carer's and the family's maps stop following, and the carer's is gone
    carer.until(ExpectedConditions.invisibilityOfElementLocated(By.id("wandering")));
    assertNull(carer.script("return document.getElementById('carer-map').dataset.live"));
    family.until(d -> family.script("return document.getElementById('family-map').dataset.live") == null);
    assertEquals("RESOLVED", state(id));
  }

  private void safeZoneAroundHomeA() {
    console.sql(c -> {
      try (var st = c.prepareStatement("INSERT INTO safe_zones (elder_id, name, kind, center_lat, center_lon, "
          + "radius_m) VALUES (?, '家附近', 'CIRCLE', 30.1, 120.1, 300)")) {
        st.setLong(1, people.elderA());
        return st.executeUpdate();
      }
    });
  }

  /** The desk map's track line as drawn (its SVG path), or empty when there is none. */
  private String track() {
    return (String) operator.script("const p = document.querySelector('#detail-map path.leaflet-interactive"
        + "[fill=\"none\"]'); return p ? p.getAttribute('d') : '';");
  }

  /** Per day and township: closed alarms acknowledged after 20..200 s, done orders, calls, some late or missed. */
  private void seedHistory() {
    console.sql(c -> {
      try (var st = c.prepareStatement("""
          INSERT INTO alarms (elder_id, household_id, village_id, township_id, type, priority, state, opened_at,
                              acknowledged_at, acknowledged_by, on_site_at, closed_at)
          SELECT e, h, v, t, 'SOS', 1, 'RESOLVED', o, o + ((g * 37) % 200 + 20) * interval '1 second', 'op',
                 CASE WHEN g % 4 <> 0 THEN o + interval '20 minutes' END, o + interval '1 hour'
          FROM generate_series(1, 84) g, LATERAL (SELECT now() - (g % 14 + 1) * interval '1 day' AS o) x,
               LATERAL (SELECT CASE WHEN g % 2 = 0 THEN ?::bigint ELSE ?::bigint END AS e,
                               CASE WHEN g % 2 = 0 THEN ?::bigint ELSE ?::bigint END AS h,
                               CASE WHEN g % 2 = 0 THEN ?::bigint ELSE ?::bigint END AS v,
                               CASE WHEN g % 2 = 0 THEN ?::bigint ELSE ?::bigint END AS t) y;
          INSERT INTO service_orders (elder_id, type, state, source, created_by, created_at, done_at, sla_flag)
          SELECT CASE WHEN g % 2 = 0 THEN ?::bigint ELSE ?::bigint END, 'MEAL', 'DONE', 'SCHEDULE', 'seed',
                 now() - (g % 14 + 1) * interval '1 day', now() - (g % 14 + 1) * interval '1 day' + interval '2 hours',
                 g % 6 = 0
          FROM generate_series(1, 56) g;
          INSERT INTO calls (channel_uniqueid, caller_number, elder_id, started_at, answered_at)
          SELECT 'seed.' || g, '1380000000' || (g % 10), CASE WHEN g % 2 = 0 THEN ?::bigint ELSE ?::bigint END,
                 now() - (g % 14 + 1) * interval '1 day', CASE WHEN g % 9 <> 0 THEN now() - (g % 14 + 1) * interval
                 '1 day' + interval '15 seconds' END
          FROM generate_series(1, 70) g""")) {
        Object[] args = {people.elderA(), people.elderB(), people.householdA(), people.householdB(), people.villageA(),
            people.villageB(), people.townshipA(), people.townshipB(), people.elderA(), people.elderB(),
            people.elderA(), people.elderB()};
        for (int i = 0; i < args.length; i++) {
          st.setObject(i + 1, args[i]);
        }
        return st.execute();
      }
    });
  }

  private static void live(Browser b) {
    b.until(d -> "live".equals(b.script("return document.body.dataset.stream")));
  }

  private String state(long id) {
    return console.sql(c -> {
      try (var st = c.prepareStatement("SELECT state FROM alarms WHERE id = ?")) {
        st.setLong(1, id);
        try (var rs = st.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    });
  }
}
