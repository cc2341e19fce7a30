package org.anxin.hotline;

import io.vertx.core.json.JsonObject;
import org.anxin.hotline.testing.HotlineHarness;
import org.anxin.infra.bus.calls.CallBus;
import org.anxin.infra.bus.calls.HotlineAction;
import org.anxin.infra.bus.calls.HotlineAnswer;
import org.anxin.infra.bus.calls.HotlineRequest;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmChanged;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.bus.hotline.HotlineBus;
import org.anxin.infra.bus.hotline.OriginateReply;
import org.anxin.infra.bus.hotline.OriginateRequest;
import org.anxin.infra.testing.Await;
import org.anxin.sim.pbx.Callee;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.anxin.hotline.testing.HotlineHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Calls the hotline places: alarm callbacks acknowledged by a key, care calls")
class CallbackTest {

  private static HotlineHarness h;
  private static HotlineBus hotline;

  @BeforeAll
  static void start() throws Exception {
    h = HotlineHarness.start(2_000);
    hotline = new HotlineBus(h.vertx.eventBus());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private long originates() {
    return h.pbx.actions().stream().filter(a -> "Originate".equalsIgnoreCase(a.get("Action"))).count();
  }

  @Test
  @DisplayName("a callback answered with 1 acknowledges the alarm; the same key never calls twice")
  void callbackAcknowledges() {
    // GIVEN an open SOS of an elder who will press 1
    long elder = h.fixtures.newElder(h.fixtures.newHousehold(null), "孙爷爷", "13800000021");
    long alarm = h.fixtures.newOpenAlarm(elder, "SOS");
    h.pbx.callee("13800000021", Callee.answering("1"));
    long before = originates();
    // WHEN the dispatcher asks for a voice callback
    OriginateRequest request = new OriginateRequest("alarm:" + alarm + ":step:2:elder", "13800000021",
        "ALARM_CALLBACK", alarm, elder, "SOS");
    OriginateReply reply = await(hotline.originate(request, Duration.ofSeconds(20)));
    // THEN the call was answered, and the key press acknowledged the alarm through the dispatcher's alarm.command:
    // the state, its event and the published change, all by the callee
    assertTrue(reply.answered());
    assertNotNull(reply.callId());
    Await.until(Duration.ofSeconds(5), "alarm acknowledged", () -> "ACKNOWLEDGED".equals(h.row(
        "SELECT state FROM alarms WHERE id = ?", alarm).getString("state")));
    assertEquals("ivr:13800000021", h.row("SELECT acknowledged_by FROM alarms WHERE id = ?", alarm)
        .getString("acknowledged_by"));
    JsonObject event = h.row("SELECT actor, details->>'from' AS \"from\" FROM alarm_events "
        + "WHERE alarm_id = ? AND kind = 'ACKNOWLEDGED'", alarm);
    assertEquals("ivr:13800000021", event.getString("actor"));
    assertEquals("OPEN", event.getString("from"));
    Await.until(Duration.ofSeconds(5), "acknowledgement published", () -> h.dispatcher.alarmChanges.stream()
        .anyMatch(c -> c.change() == AlarmChanged.Change.ACKNOWLEDGED && c.alarm().id() == alarm
            && "ivr:13800000021".equals(c.actor())));
    Await.until(Duration.ofSeconds(5), "ack recorded", () -> h.count(
        "SELECT count(*) FROM call_events WHERE call_id = ? AND kind = 'ALARM_ACK'", reply.callId()) == 1);
    JsonObject call = h.row("SELECT direction, elder_id FROM calls WHERE id = ?", reply.callId());
    assertEquals("OUTBOUND", call.getString("direction"));
    assertEquals(elder, call.getLong("elder_id"));
    // AND asking again with the same key places no second call
    OriginateReply again = await(hotline.originate(request, Duration.ofSeconds(20)));
    assertTrue(again.detail().startsWith("already placed"));
    assertEquals(before + 1, originates());
  }

  @Test
  @DisplayName("a 1 on a callback for an alarm an operator has acknowledged meanwhile changes nothing")
  void callbackAfterOperatorAcknowledged() {
    // GIVEN an SOS an operator acknowledged while the callback was being placed
    long elder = h.fixtures.newElder(h.fixtures.newHousehold(null), "陈奶奶", "13800000024");
    long alarm = h.fixtures.newOpenAlarm(elder, "SOS");
    await(new DispatchBus(h.vertx.eventBus()).command(new AlarmCommand(alarm, AlarmAction.ACKNOWLEDGE, "op-li",
        null)));
    h.pbx.callee("13800000024", Callee.answering("1"));
    // WHEN the elder answers the callback and presses 1
    OriginateReply reply = await(hotline.originate(new OriginateRequest("alarm:" + alarm + ":step:3:elder",
        "13800000024", "ALARM_CALLBACK", alarm, elder, "SOS"), Duration.ofSeconds(20)));
    // THEN the state machine refuses a second acknowledgement: the call records it, the operator's stands
    assertTrue(reply.answered());
    Await.until(Duration.ofSeconds(5), "refusal recorded", () -> h.count(
        "SELECT count(*) FROM call_events WHERE call_id = ? AND kind = 'ALARM_ACK_FAILED'", reply.callId()) == 1);
    assertEquals("op-li", h.row("SELECT acknowledged_by FROM alarms WHERE id = ?", alarm)
        .getString("acknowledged_by"));
    assertEquals(1, h.count("SELECT count(*) FROM alarm_events WHERE alarm_id = ? AND kind = 'ACKNOWLEDGED'",
        alarm));
  }

  @Test
  @DisplayName("a callback nobody answers is a failed call, and the alarm stays open")
  void callbackNotAnswered() {
    long elder = h.fixtures.newElder(h.fixtures.newHousehold(null), "周奶奶", "13800000022");
    long alarm = h.fixtures.newOpenAlarm(elder, "FALL");
    h.pbx.callee("13800000022", Callee.notAnswering());
    OriginateReply reply = await(hotline.originate(new OriginateRequest("alarm:" + alarm + ":x", "13800000022",
        "ALARM_CALLBACK", alarm, elder, "FALL"), Duration.ofSeconds(20)));
    assertFalse(reply.answered());
    assertEquals("OPEN", h.row("SELECT state FROM alarms WHERE id = ?", alarm).getString("state"));
  }

  @Test
  @DisplayName("an operator's callback rings their extension, then the elder; the call names both")
  void operatorCallback() {
    long elder = h.fixtures.newElder(h.fixtures.newHousehold(null), "冯奶奶", "13800000023");
    long operator = h.fixtures.newUser("operator", null);
    CallBus bus = new CallBus(h.vertx.eventBus());
    String username = h.fixtures.username(operator);
    await(bus.request(new HotlineRequest(HotlineAction.QUEUE_LOGIN, operator, username, "8201", null, null, null,
        null, null, null), Duration.ofSeconds(5)));
    HotlineAnswer answer = await(bus.request(new HotlineRequest(HotlineAction.CALLBACK, operator, username, null,
        null, null, elder, null, null, null), Duration.ofSeconds(20)));
    assertTrue(answer.data().getBoolean("answered"));
    JsonObject call = h.row("SELECT direction, agent, elder_id, caller_number FROM calls WHERE id = ?",
        answer.callId());
    assertEquals("OUTBOUND", call.getString("direction"));
    assertEquals(username, call.getString("agent"));
    assertEquals(elder, call.getLong("elder_id"));
    assertTrue(h.pbx.actions().stream().anyMatch(a -> "Originate".equalsIgnoreCase(a.get("Action"))
        && "PJSIP/8201".equals(a.get("Channel")) && "13800000023".equals(a.get("Exten"))));
  }

  @Test
  @DisplayName("a care round calls the elder living alone most at risk first and writes the outcome back")
  void careRound() {
    // GIVEN two elders living alone, one with an open alarm, and one who does not live alone
    long risky = h.fixtures.newElder(h.fixtures.newHousehold(null), "吴爷爷", "13800000031", "LIVING_ALONE");
    h.fixtures.newOpenAlarm(risky, "INACTIVITY");
    h.fixtures.newElder(h.fixtures.newHousehold(null), "郑奶奶", "13800000032", "LIVING_ALONE");
    h.fixtures.newElder(h.fixtures.newHousehold(null), "王爷爷", "13800000033");
    h.pbx.callee("13800000031", Callee.answering("2"));
    long supervisor = h.fixtures.newUser("supervisor", null);
    // WHEN a supervisor starts a round of one care call
    HotlineAnswer answer = await(new CallBus(h.vertx.eventBus()).request(new HotlineRequest(HotlineAction.CARE_ROUND,
        supervisor, h.fixtures.username(supervisor), null, null, null, null, null, null, 1), Duration.ofSeconds(20)));
    // THEN the risky elder was called, and said they need help
    JsonObject placed = answer.data().getJsonArray("calls").getJsonObject(0);
    assertEquals(risky, placed.getLong("elderId"));
    assertEquals(1, placed.getJsonObject("reasons").getInteger("openAlarms"));
    Await.until(Duration.ofSeconds(5), "care outcome", () -> "NEEDS_HELP".equals(h.row(
        "SELECT outcome FROM care_calls WHERE elder_id = ?", risky).getString("outcome")));
    assertEquals(1, h.count("SELECT count(*) FROM care_calls"));
  }
}
