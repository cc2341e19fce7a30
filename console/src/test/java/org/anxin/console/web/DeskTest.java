package org.anxin.console.web;

import io.vertx.core.json.JsonObject;
import org.anxin.console.testing.Console;
import org.anxin.console.testing.People;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.bus.stream.StreamNotice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verifies the desk's work besides alarms: the hotline's screen pop shows the caller's record; the operator creates a
 * service order and a family member requests one, both through the real dispatcher. (The call wrap-up needs the
 * hotline: it is in the whole-node browser test.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class DeskTest {

  private Console console;
  private People people;
  private Browser operator;

  @BeforeAll
  void start() throws Exception {
    Browser.requireChromium();
    console = Console.start(Map.of(), true);
    people = console.people();
    operator = Browser.open("operator", base(), 1400, 1000);
    operator.login("op", People.PASSWORD);
    operator.until(d -> "live".equals(operator.script("return document.body.dataset.stream")));
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(operator, console);
  }

  @Test
  @DisplayName("the hotline's screen pop for the ringing operator shows the elder's record and Party member record, "
      + "and that the IVR's meal order for the call is still coming")
  void screenPop() {
    // WHEN the hotline sends this operator the screen pop of elder A's call, whose IVR order has not come back yet
    new StreamBus(console.vertx().eventBus()).publish(new StreamNotice(List.of(people.op()), "screenpop:1:op",
        "call:1", people.elderA(), "12349 来电 0571-1234567", new JsonObject().put("callId", 1)
        .put("caller", "0571-1234567").put("ivrOrder", new JsonObject().put("status", "PENDING").put("type", "MEAL")
            .put("request_key", "ivr:1764.1:1"))));
    // THEN the screen pop shows who is calling, with the Party member record, and warns not to order again
    String pop = operator.find(By.cssSelector("#screen-pop .elder")).getText();
    assertTrue(pop.contains("王秀英") && pop.contains("桃园村支部"), pop);
    assertTrue(operator.find(By.id("screen-pop")).getText().contains("0571-1234567"));
    String ivrOrder = operator.find(By.cssSelector("#screen-pop .ivr-order")).getText();
    assertTrue(ivrOrder.contains("助餐") && ivrOrder.contains("请勿重复录入"), ivrOrder);
    operator.screenshot("operator-screen-pop.png");
  }

  @Test
  @DisplayName("the operator creates a meal order and a family member requests a cleaning, through the dispatcher")
  void ordersFromDeskAndFamily() throws Exception {
    // WHEN the operator creates a meal order for elder B
    operator.type(By.id("order-elder"), String.valueOf(people.elderB()));
    new Select(operator.find(By.id("order-type"))).selectByValue("MEAL");
    operator.type(By.id("order-notes"), "少盐");
    operator.click(By.cssSelector("#order-form button[type=submit]"));
    // THEN it is listed
    operator.until(d -> console.count("SELECT count(*) FROM service_orders WHERE elder_id = ? AND type = 'MEAL'",
        people.elderB()) == 1);
    long meal = console.count("SELECT id FROM service_orders WHERE elder_id = ? AND type = 'MEAL'", people.elderB());
    operator.find(By.cssSelector("#orders tr[data-order-id='" + meal + "']"));
    // WHEN elder A's daughter asks for cleaning on her page
    try (Browser family = Browser.open("family-request", base(), 390, 844)) {
      family.login("famA", People.PASSWORD);
      new Select(family.find(By.id("request-type"))).selectByValue("CLEANING");
      family.click(By.cssSelector("#request-form button[type=submit]"));
      // THEN the order is there, from the family, and on her page
      family.until(d -> console.count("SELECT count(*) FROM service_orders WHERE elder_id = ? AND type = 'CLEANING' "
          + "AND source = 'FAMILY'", people.elderA()) == 1);
      long cleaning = console.count("SELECT id FROM service_orders WHERE type = 'CLEANING'");
      family.find(By.cssSelector("#family-orders [data-order-id='" + cleaning + "']"));
    }
    assertEquals(2, console.count("SELECT count(*) FROM service_orders"));
  }

  private String base() {
    return "http://127.0.0.1:" + console.port();
  }
}
