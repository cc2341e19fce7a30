package org.anxin.hotline;

import io.vertx.core.json.JsonObject;
import org.anxin.hotline.ivr.IvrActions;
import org.anxin.hotline.testing.HotlineHarness;
import org.anxin.infra.bus.calls.HotlineAction;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.bus.orders.OrderCreate;
import org.anxin.infra.bus.orders.OrderSource;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.bus.orders.ServiceType;
import org.anxin.infra.testing.Await;
import org.anxin.sim.pbx.CallResult;
import org.anxin.sim.pbx.CallScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.anxin.hotline.testing.HotlineHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The 12349 IVR, driven by the PBX simulator over FastAGI")
class IvrTest {

  private static HotlineHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = HotlineHarness.start(1_000);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private long elder(String phone) {
    return h.fixtures.newElder(h.fixtures.newHousehold(null), "李奶奶", phone);
  }

  @Test
  @DisplayName("a known elder pressing 1 gets a meal order recorded against the call, and hears its number")
  void knownElderOrdersMeal() {
    // GIVEN an elder registered with her mobile number
    long elder = elder("13800000001");
    // WHEN she calls and presses 1, then hangs up after the read-back
    CallResult call = h.call(CallScript.ivr("13800000001", "1"));
    // THEN one MEAL order from the IVR exists for her, carrying this call's id, and its number was read back
    JsonObject order = h.row("SELECT o.id, o.type, o.source, o.call_id, c.channel_uniqueid, c.elder_id, "
        + "c.ivr_choices, c.intent FROM service_orders o JOIN calls c ON c.id = o.call_id WHERE o.elder_id = ?", elder);
    assertNotNull(order, "an order recorded against a call");
    assertEquals("MEAL", order.getString("type"));
    assertEquals("IVR", order.getString("source"));
    assertEquals(call.uniqueId(), order.getString("channel_uniqueid"));
    assertEquals(elder, order.getLong("elder_id"));
    assertEquals("1", order.getString("ivr_choices"));
    assertEquals(List.of(String.valueOf(order.getLong("id"))), call.agi().said());
    assertEquals("DONE", call.agi().variable("ANXIN_IVR_RESULT"));
    assertEquals(String.valueOf(elder), call.agi().variable("ANXIN_ELDER_ID"));
    assertNull(call.queuePosition(), "a caller who is served hangs up without queueing");
    assertEquals(1, h.count("SELECT count(*) FROM call_events WHERE call_id = ? AND kind = 'ORDER_CREATED'",
        order.getLong("call_id")));
    assertTrue(h.registry.get(HotlineMetrics.IVR_CALLS).tag("intent", "MEAL").tag("result", "DONE").counter()
        .count() >= 1);
  }

  @Test
  @DisplayName("after ordering, 0 still reaches an operator, whose screen pop shows the order")
  void orderThenOperator() {
    long elder = elder("13800000002");
    long operator = h.newOperator("8301");
    try {
      CallResult call = h.call(CallScript.ivr("13800000002", "2", "0"));
      assertEquals("CLEANING", call.agi().variable("ANXIN_INTENT"));
      assertEquals("QUEUE", call.agi().variable("ANXIN_IVR_RESULT"));
      assertEquals(h.fixtures.username(operator), call.answeredBy());
      JsonObject order = h.row("SELECT id, state FROM service_orders WHERE elder_id = ? AND type = 'CLEANING'", elder);
      JsonObject shown = screenPop(operator).getJsonObject("ivrOrder");
      assertEquals("CREATED", shown.getString("status"));
      assertEquals(order.getLong("id"), shown.getLong("order_id"));
      assertEquals(IvrActions.requestKey(call.uniqueId(), "2"), shown.getString("request_key"));
    } finally {
      await(h.ask(HotlineAction.QUEUE_LOGOUT, operator, null));
    }
  }

  @Test
  @DisplayName("an unknown caller goes straight to the operator queue, without the menu")
  void unknownCallerToOperator() {
    CallResult call = h.call(CallScript.ivr("02161234567").withAbandon(200));
    assertEquals("UNKNOWN_CALLER", call.agi().variable("ANXIN_INTENT"));
    assertEquals("QUEUE", call.agi().variable("ANXIN_IVR_RESULT"));
    assertEquals("", call.agi().variable("ANXIN_ELDER_ID"));
    assertFalse(call.agi().played("anxin/menu"));
    assertNotNull(call.queuePosition(), "it joined the operator queue");
  }

  @Test
  @DisplayName("a landline shared by two elders asks which one; 2 picks the second")
  void sharedLandline() {
    long household = h.fixtures.newHousehold("0571-88880001");
    h.fixtures.newElder(household, "张爷爷", null);
    long second = h.fixtures.newElder(household, "张奶奶", null);
    CallResult call = h.call(CallScript.ivr("057188880001", "2", "4"));
    assertTrue(call.agi().played("anxin/which-elder"));
    assertEquals(String.valueOf(second), call.agi().variable("ANXIN_ELDER_ID"));
    assertEquals(1, h.count("SELECT count(*) FROM service_orders WHERE elder_id = ? AND type = 'ERRAND'", second));
  }

  @Test
  @DisplayName("a family member is known but goes to the operator, with the elder on the record")
  void familyMember() {
    long elder = elder("13800000003");
    long son = h.fixtures.newUser("family", "13900000003");
    h.fixtures.linkFamily(son, elder);
    CallResult call = h.call(CallScript.ivr("13900000003").withAbandon(200));
    assertEquals("FAMILY", call.agi().variable("ANXIN_INTENT"));
    assertEquals(String.valueOf(elder), call.agi().variable("ANXIN_ELDER_ID"));
  }

  @Test
  @DisplayName("invalid digits and silence are asked again twice, then the call goes to an operator")
  void invalidAndSilence() {
    elder("13800000004");
    CallResult call = h.call(CallScript.ivr("13800000004", "7", "", "#").withAbandon(200));
    assertEquals("NO_INPUT", call.agi().variable("ANXIN_INTENT"));
    assertEquals(2, call.agi().commands().stream().filter(c -> c.contains("anxin/invalid")).count());
    assertEquals(3, call.agi().commands().stream().filter(c -> c.contains("anxin/menu")).count());
    assertEquals("7,-,#", h.row("SELECT ivr_choices FROM calls WHERE channel_uniqueid = ?", call.uniqueId())
        .getString("ivr_choices"));
    assertNotNull(call.queuePosition());
  }

  @Test
  @DisplayName("a wrong key and then a right one still orders")
  void retryThenOrder() {
    long elder = elder("13800000005");
    CallResult call = h.call(CallScript.ivr("13800000005", "5", "3"));
    assertEquals("MEDICAL", call.agi().variable("ANXIN_INTENT"));
    assertEquals(1, h.count("SELECT count(*) FROM service_orders WHERE elder_id = ? AND type = 'MEDICAL'", elder));
  }

  @Test
  @DisplayName("a hang-up right after pressing 1 leaves exactly one order, recorded against the call")
  void hangUpWhileOrdering() {
    long elder = elder("13800000006");
    CallResult call = h.call(CallScript.ivr("13800000006", "1H"));
    assertTrue(call.agi().hungUp());
    JsonObject c = h.row("SELECT id, ivr_choices FROM calls WHERE channel_uniqueid = ?", call.uniqueId());
    Await.until(Duration.ofSeconds(5), "IVR end recorded", () -> h.count(
        "SELECT count(*) FROM call_events WHERE call_id = ? AND kind = 'IVR_END'", c.getLong("id")) == 1);
    assertEquals(1, h.count("SELECT count(*) FROM service_orders WHERE elder_id = ?", elder));
    assertEquals(1, h.count("SELECT count(*) FROM service_orders WHERE elder_id = ? AND call_id = ?", elder,
        c.getLong("id")));
    assertEquals(1, h.count("SELECT count(*) FROM call_events WHERE call_id = ? AND kind = 'ORDER_CREATED'",
        c.getLong("id")));
    assertTrue(h.row("SELECT details FROM call_events WHERE call_id = ? AND kind = 'IVR_END'", c.getLong("id"))
        .getString("details").contains("\"hungUp\": true"));
  }

  @Test
  @DisplayName("a hang-up during the menu creates no order")
  void hangUpAtMenu() {
    long elder = elder("13800000007");
    CallResult call = h.call(CallScript.ivr("13800000007", "H"));
    assertTrue(call.agi().hungUp());
    assertNull(call.queuePosition());
    assertEquals(0, h.count("SELECT count(*) FROM service_orders WHERE elder_id = ?", elder));
  }

  @Test
  @DisplayName("an order service slower than the IVR's wait sends the caller to an operator, whose screen pop says "
      + "the order is coming; the late order names the call, and asking again makes no second one")
  void slowOrderService() {
    // GIVEN an elder, an operator on the queue, and an order service that takes 4 s where the IVR waits 1 s
    long elder = elder("13800000008");
    long operator = h.newOperator("8302");
    h.dispatcher.slowOrders(Duration.ofMillis(4_000));
    try {
      // WHEN she presses 1
      CallResult call = h.call(CallScript.ivr("13800000008", "1"));
      // THEN she hears that the order did not go through and reaches the operator
      assertEquals("MEAL", call.agi().variable("ANXIN_INTENT"));
      assertEquals("QUEUE", call.agi().variable("ANXIN_IVR_RESULT"));
      assertTrue(call.agi().played("anxin/order-failed"));
      assertEquals(h.fixtures.username(operator), call.answeredBy());
      // AND the operator's screen pop says a meal order for this call is pending, so it is not entered again
      String key = IvrActions.requestKey(call.uniqueId(), "1");
      JsonObject pending = screenPop(operator).getJsonObject("ivrOrder");
      assertEquals("PENDING", pending.getString("status"));
      assertEquals("MEAL", pending.getString("type"));
      assertEquals(key, pending.getString("request_key"));
      assertNull(pending.getValue("order_id"));
      // AND the late order is one order, recorded against the call
      long callId = h.row("SELECT id FROM calls WHERE channel_uniqueid = ?", call.uniqueId()).getLong("id");
      Await.until(Duration.ofSeconds(10), "the late order", () -> h.count(
          "SELECT count(*) FROM call_events WHERE call_id = ? AND kind = 'ORDER_CREATED'", callId) == 1);
      JsonObject order = h.row("SELECT id, call_id, request_key FROM service_orders WHERE elder_id = ?", elder);
      assertEquals(callId, order.getLong("call_id"));
      assertEquals(key, order.getString("request_key"));
      assertEquals(1, h.count("SELECT count(*) FROM call_events WHERE call_id = ? AND kind = 'ORDER_PENDING'",
          callId));
      // AND asking again with the call's key answers that order and makes no second one
      h.dispatcher.slowOrders(Duration.ZERO);
      OrderView again = await(new OrderBus(h.vertx.eventBus()).create(new OrderCreate(elder, ServiceType.MEAL,
          OrderSource.IVR, null, null, callId, null, "ivr:13800000008", null, key)));
      assertEquals(order.getLong("id"), again.id());
      assertEquals(1, h.count("SELECT count(*) FROM service_orders WHERE elder_id = ?", elder));
    } finally {
      h.dispatcher.slowOrders(Duration.ZERO);
      await(h.ask(HotlineAction.QUEUE_LOGOUT, operator, null));
    }
  }

  /** The record of the screen pop the operator got. */
  private static JsonObject screenPop(long operator) {
    Await.until(Duration.ofSeconds(5), "screen pop", () -> !h.noticesFor(operator).isEmpty());
    return h.noticesFor(operator).get(0).payload();
  }

  @Test
  @DisplayName("an unknown AGI script name is hung up at once, and no IVR runs")
  void unknownScript() {
    CallResult call = h.call(CallScript.ivr("13800000001", "1").withScript("org.anxin.Evil"));
    assertEquals("HANGUP", call.agi().commands().get(0));
    assertFalse(call.agi().played("anxin/menu"));
    assertEquals(0, h.count("SELECT count(*) FROM call_events e JOIN calls c ON c.id = e.call_id "
        + "WHERE c.channel_uniqueid = ? AND e.kind LIKE 'IVR%'", call.uniqueId()));
  }

  @Test
  @DisplayName("a caller ID with a newline or odd characters is sanitised, and still matched")
  void oddCallerId() {
    long elder = elder("13800000009");
    CallResult injected = h.call(CallScript.ivr("13800000009\nagi_extension: 110", "1"));
    assertEquals(String.valueOf(elder), injected.agi().variable("ANXIN_ELDER_ID"));
    CallResult odd = h.call(CallScript.ivr("+86 (138) 0000-0009'; DROP TABLE calls;--\t\u0007", "1"));
    assertEquals(String.valueOf(elder), odd.agi().variable("ANXIN_ELDER_ID"));
    assertEquals("+8613800000009", h.row("SELECT caller_number FROM calls WHERE channel_uniqueid = ?",
        odd.uniqueId()).getString("caller_number"));
    assertEquals(2, h.count("SELECT count(*) FROM service_orders WHERE elder_id = ?", elder));
  }
}
