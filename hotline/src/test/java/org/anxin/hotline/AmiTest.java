package org.anxin.hotline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.testing.HotlineHarness;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.BusFailure;
import org.anxin.infra.bus.calls.CallBus;
import org.anxin.infra.bus.calls.HotlineAction;
import org.anxin.infra.bus.calls.HotlineAnswer;
import org.anxin.infra.bus.calls.HotlineRequest;
import org.anxin.infra.bus.stream.StreamNotice;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The operator queue over AMI: call records, screen pops, priority, reconnects")
class AmiTest {

  private static HotlineHarness h;
  private static CallBus calls;

  @BeforeAll
  static void start() throws Exception {
    h = HotlineHarness.start(2_000);
    calls = new CallBus(h.vertx.eventBus());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  @DisplayName("a ringing operator alone gets the screen pop with the caller's record; the call is recorded")
  void screenPopAndRecord() {
    // GIVEN two operators on the queue, the second paused, and an elder with an open alarm
    long first = h.newOperator("8101");
    long second = h.newOperator("8102");
    await(h.ask(HotlineAction.QUEUE_PAUSE, second, null));
    long elder = h.fixtures.newElder(h.fixtures.newHousehold(null), "赵爷爷", "13800000011", "PARTY_MEMBER");
    h.fixtures.newOpenAlarm(elder, "FALL");
    try {
      // WHEN the elder calls and asks for an operator
      CallResult call = h.call(CallScript.ivr("13800000011", "0"));
      // THEN the first operator answered, and only they got the screen pop, with the elder's record
      assertEquals(h.fixtures.username(first), call.answeredBy());
      Await.until(Duration.ofSeconds(5), "screen pop", () -> !h.noticesFor(first).isEmpty());
      StreamNotice pop = h.noticesFor(first).get(0);
      assertEquals(List.of(first), pop.userIds());
      assertEquals(elder, pop.elderId());
      JsonObject record = pop.payload();
      assertEquals("赵爷爷", record.getJsonObject("elder").getString("name"));
      assertEquals("幸福村党支部", record.getJsonObject("elder").getString("party_branch"));
      assertEquals("paid", record.getJsonObject("elder").getJsonObject("party_record").getString("dues"));
      assertEquals("FALL", record.getJsonArray("openAlarms").getJsonObject(0).getString("type"));
      assertEquals("OPERATOR", record.getJsonObject("ivr").getString("intent"));
      assertTrue(h.noticesFor(second).isEmpty(), "the paused operator sees nothing");
      assertTrue(h.registry.get(HotlineMetrics.SCREEN_POPS).counter().count() >= 1);
      // AND the call record holds the operator, queue wait, talk time and hang-up cause
      Await.until(Duration.ofSeconds(5), "call ended", () -> h.row(
          "SELECT ended_at FROM calls WHERE channel_uniqueid = ?", call.uniqueId()).getValue("ended_at") != null);
      JsonObject row = h.row("SELECT id, agent, elder_id, queued_at, answered_at, hangup_cause, talk_s, ivr_choices "
          + "FROM calls WHERE channel_uniqueid = ?", call.uniqueId());
      assertEquals(h.fixtures.username(first), row.getString("agent"));
      assertEquals(elder, row.getLong("elder_id"));
      assertNotNull(row.getValue("queued_at"));
      assertNotNull(row.getValue("answered_at"));
      assertEquals("Normal Clearing", row.getString("hangup_cause"));
      assertNotNull(row.getValue("talk_s"));
      assertEquals(5, h.count("SELECT count(DISTINCT kind) FROM call_events WHERE call_id = ? AND kind IN "
          + "('QUEUE_JOIN', 'AGENT_CALLED', 'AGENT_CONNECT', 'AGENT_COMPLETE', 'HANGUP')", row.getLong("id")));
      // AND the operator's wrap-up is kept against the call
      await(calls.request(new HotlineRequest(HotlineAction.WRAP_UP, first, h.fixtures.username(first), null,
          row.getLong("id"), null, null, "INFO_GIVEN", "问了助餐时间", null), Duration.ofSeconds(5)));
      assertEquals("INFO_GIVEN", h.row("SELECT disposition FROM calls WHERE id = ?", row.getLong("id"))
          .getString("disposition"));
    } finally {
      await(h.ask(HotlineAction.QUEUE_LOGOUT, first, null));
      await(h.ask(HotlineAction.QUEUE_LOGOUT, second, null));
    }
  }

  @Test
  @DisplayName("9 raises an SOS for the caller and goes to the front of the queue")
  void emergencyJumpsQueue() {
    // GIVEN two callers already waiting and no operator free
    Future<CallResult> a = h.pbx.call(CallScript.ivr("02100000001"));
    Future<CallResult> b = h.pbx.call(CallScript.ivr("02100000002"));
    Await.until(Duration.ofSeconds(5), "two callers waiting", () -> h.count(
        "SELECT count(*) FROM calls WHERE queued_at IS NOT NULL AND caller_number LIKE '0210000000%'") == 2);
    long elder = h.fixtures.newElder(h.fixtures.newHousehold(null), "钱奶奶", "13800000012");
    // WHEN an elder calls and presses 9
    Future<CallResult> sos = h.pbx.call(CallScript.ivr("13800000012", "9"));
    Await.until(Duration.ofSeconds(5), "SOS queued", () -> h.count(
        "SELECT count(*) FROM calls WHERE queued_at IS NOT NULL AND caller_number = '13800000012'") == 1);
    // THEN an SOS alarm is open for her, three callers wait in the live state, and once an operator logs in, she
    // is answered first
    HotlineAnswer live = await(h.ask(HotlineAction.LIVE_CALLS, h.fixtures.newUser("supervisor", null), null));
    assertEquals(3, live.data().getJsonArray("calls").stream().map(JsonObject.class::cast)
        .filter(c -> "WAITING".equals(c.getString("state"))).count());
    Await.until(Duration.ofSeconds(5), "SOS stored", () -> h.count(
        "SELECT count(*) FROM alarms WHERE elder_id = ? AND type = 'SOS' AND state = 'OPEN'", elder) == 1);
    assertNotNull(h.row("SELECT township_id FROM alarms WHERE elder_id = ?", elder).getValue("township_id"),
        "the SOS carries the elder's area, for routing");
    long op = h.newOperator("8103");
    try {
      CallResult emergency = await(sos);
      await(a);
      await(b);
      assertEquals(1, emergency.queuePosition());
      assertEquals("10", emergency.agi().variable("ANXIN_QUEUE_PRIORITY"));
      assertEquals("EMERGENCY", emergency.agi().variable("ANXIN_INTENT"));
      List<String> ids = List.of(emergency.uniqueId(), await(a).uniqueId(), await(b).uniqueId());
      Await.until(Duration.ofSeconds(5), "all three answers recorded", () -> h.count(
          "SELECT count(*) FROM calls WHERE answered_at IS NOT NULL AND channel_uniqueid = ANY (?)",
          (Object) ids.toArray(String[]::new)) == 3);
      assertEquals(emergency.uniqueId(), h.row("SELECT channel_uniqueid FROM calls WHERE channel_uniqueid = ANY (?) "
          + "ORDER BY answered_at LIMIT 1", (Object) ids.toArray(String[]::new)).getString("channel_uniqueid"));
    } finally {
      await(h.ask(HotlineAction.QUEUE_LOGOUT, op, null));
    }
  }

  @Test
  @DisplayName("queue actions need a registered extension and a connected Asterisk")
  void queueActionsRefused() {
    long nobody = h.fixtures.newUser("operator", null);
    BusException e = assertFails(h.ask(HotlineAction.QUEUE_PAUSE, nobody, null));
    assertEquals(BusFailure.NOT_FOUND, e.failure());
    assertEquals(BusFailure.BAD_REQUEST, assertFails(h.ask(HotlineAction.QUEUE_LOGIN, nobody, "8x1")).failure());
  }

  @Test
  @DisplayName("a dropped AMI connection is reported in health and comes back when Asterisk does")
  void amiReconnects() {
    assertTrue(h.amiHealth().up());
    await(h.pbx.stopAmi());
    Await.until(Duration.ofSeconds(5), "AMI down in health", () -> !h.amiHealth().up());
    long op = h.fixtures.newUser("operator", null);
    assertEquals(BusFailure.UNAVAILABLE, assertFails(h.ask(HotlineAction.QUEUE_LOGIN, op, "8104")).failure());
    await(h.pbx.restartAmi());
    Await.until(Duration.ofSeconds(15), "AMI up again", () -> h.amiHealth().up());
    await(h.ask(HotlineAction.QUEUE_LOGIN, op, "8104"));
    try {
      CallResult call = h.call(CallScript.ivr("02100000003"));
      Await.until(Duration.ofSeconds(5), "answer recorded after the reconnect", () -> h.row(
          "SELECT agent FROM calls WHERE channel_uniqueid = ?", call.uniqueId()).getValue("agent") != null);
    } finally {
      await(h.ask(HotlineAction.QUEUE_LOGOUT, op, null));
    }
    assertFalse(h.amiHealth().details().containsKey("reason"));
  }

  static BusException assertFails(Future<?> f) {
    try {
      f.toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return (BusException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }
}
