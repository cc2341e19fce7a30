package org.anxin.hotline.ivr;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.HotlineMetrics;
import org.anxin.hotline.agi.AgiWait;
import org.anxin.hotline.calls.CallStore;
import org.anxin.infra.bus.orders.ServiceType;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * The 12349 call flow ({@code agi://…/ivr}): who is calling, the menu (1 meal, 2 cleaning, 3 medical, 4 errand,
 * 9 emergency, 0 operator), and channel variables telling the dialplan where the call goes next. Runs on an
 * Asterisk-Java thread; every wait on the platform is bounded, after which the call goes to an operator.
 */
public final class IvrScript implements AgiScript {

  private static final Logger LOG = LoggerFactory.getLogger(IvrScript.class);
  private static final long DIGIT_TIMEOUT_MS = 5_000;
  private static final int ATTEMPTS = 3;
  private static final Map<String, ServiceType> SERVICES = Map.of("1", ServiceType.MEAL, "2", ServiceType.CLEANING,
      "3", ServiceType.MEDICAL, "4", ServiceType.ERRAND);

  private final CallStore calls;
  private final IvrStart start;
  private final IvrActions actions;
  private final Duration timeout;
  private final HotlineMetrics metrics;

  public IvrScript(CallStore calls, IvrStart start, IvrActions actions, Duration timeout, HotlineMetrics metrics) {
    this.calls = calls;
    this.start = start;
    this.actions = actions;
    this.timeout = timeout;
    this.metrics = metrics;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    IvrCall call = new IvrCall(request.getUniqueId(), CallerId.sanitize(request.getCallerIdNumber()));
    long began = System.nanoTime();
    try {
      run(call, channel);
    } catch (AgiHangupException e) {
      call.hungUp = true;
    } finally {
      finish(call);
      metrics.ivrCall(call.result.name(), call.intent, call.hungUp, Duration.ofNanos(System.nanoTime() - began));
    }
  }

  private void run(IvrCall call, AgiChannel channel) throws AgiException {
    channel.answer();
    call.starting = start.start(call.uniqueId, call.caller);
    channel.streamFile(Prompts.WELCOME);
    IvrStart.Started started = AgiWait.await(call.starting, timeout).orElse(null);
    if (started == null) {
      toOperator(call, channel, "NO_RECORD", IvrCall.NORMAL_PRIORITY);
      return;
    }
    call.callId = started.callId();
    call.match = started.match();
    channel.setVariable("ANXIN_CALL_ID", String.valueOf(call.callId));
    channel.setVariable("ANXIN_CALLER_KIND", call.match.kind().name());
    call.elder = call.match.single();
    if (!call.match.isElder()) {
      toOperator(call, channel, call.match.kind() == CallerMatch.Kind.UNKNOWN ? "UNKNOWN_CALLER"
          : call.match.kind().name(), IvrCall.NORMAL_PRIORITY);
      return;
    }
    if (call.elder == null && !chooseElder(call, channel)) {
      toOperator(call, channel, "CHOOSE_ELDER", IvrCall.NORMAL_PRIORITY);
      return;
    }
    menu(call, channel);
  }

  private boolean chooseElder(IvrCall call, AgiChannel channel) throws AgiException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String digit = input(channel, Prompts.WHICH_ELDER);
      call.choices.add("E" + (digit.isEmpty() ? "-" : digit));
      int index = digit.length() == 1 && Character.isDigit(digit.charAt(0)) ? digit.charAt(0) - '1' : -1;
      if (index >= 0 && index < call.match.elders().size()) {
        call.elder = call.match.elders().get(index);
        return true;
      }
      if (digit.equals("0")) {
        return false;
      }
      retryPrompt(channel, attempt);
    }
    return false;
  }

  private void menu(IvrCall call, AgiChannel channel) throws AgiException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String digit = input(channel, Prompts.MENU);
      call.choices.add(digit.isEmpty() ? "-" : digit);
      if (SERVICES.containsKey(digit)) {
        serve(call, channel, SERVICES.get(digit), digit);
        return;
      }
      if (digit.equals("9")) {
        emergency(call, channel);
        return;
      }
      if (digit.equals("0")) {
        toOperator(call, channel, "OPERATOR", IvrCall.NORMAL_PRIORITY);
        return;
      }
      retryPrompt(channel, attempt);
    }
    toOperator(call, channel, "NO_INPUT", IvrCall.NORMAL_PRIORITY);
  }

  /**
   * Orders the service. When the dispatcher has not answered in time the order may still come: the call records
   * {@code ORDER_PENDING} with the request key, so the operator's screen pop says so, and the late order is
   * recorded against the call when it arrives.
   */
  private void serve(IvrCall call, AgiChannel channel, ServiceType type, String digit) throws AgiException {
    long callId = call.callId;
    String requestKey = IvrActions.requestKey(call.uniqueId, digit);
    call.ordering = actions.order(call.elder.id(), type, callId, call.caller, requestKey)
        .compose(order -> calls.event(callId, "ORDER_CREATED", new JsonObject().put("orderId", order.id())
            .put("type", type.name()).put("state", order.state())).map(order.id()));
    channel.streamFile(Prompts.ORDERING);
    call.orderId = AgiWait.await(call.ordering, timeout).orElse(null);
    if (call.orderId == null) {
      record(call, call.ordering.isComplete() ? "ORDER_FAILED" : "ORDER_PENDING", new JsonObject()
          .put("type", type.name()).put("requestKey", requestKey));
      channel.streamFile(Prompts.ORDER_FAILED);
      toOperator(call, channel, type.name(), IvrCall.NORMAL_PRIORITY);
      return;
    }
    channel.setVariable("ANXIN_ORDER_ID", String.valueOf(call.orderId));
    channel.streamFile(Prompts.ORDER_PLACED);
    channel.sayDigits(String.valueOf(call.orderId));
    String next = channel.getData(Prompts.OPERATOR_OR_HANG_UP, DIGIT_TIMEOUT_MS, 1);
    if ("0".equals(next)) {
      call.choices.add("0");
      toOperator(call, channel, type.name(), IvrCall.NORMAL_PRIORITY);
    } else {
      done(call, channel, type.name());
    }
  }

  /** The SOS is raised while the caller hears that help is coming; the call queues ahead of everyone. */
  private void emergency(IvrCall call, AgiChannel channel) throws AgiException {
    long callId = call.callId;
    JsonObject details = new JsonObject().put("elderId", call.elder.id());
    Future<Void> raised = actions.sos(call.elder, callId, call.caller).map(true).otherwise(false)
        .compose(ok -> calls.event(callId, ok ? "SOS_RAISED" : "SOS_FAILED", details));
    toOperator(call, channel, "EMERGENCY", IvrCall.EMERGENCY_PRIORITY);
    AgiWait.await(raised, timeout);
  }

  private void toOperator(IvrCall call, AgiChannel channel, String intent, int priority) throws AgiException {
    call.intent = intent;
    call.priority = priority;
    call.result = IvrCall.Result.QUEUE;
    route(call, channel, priority == IvrCall.EMERGENCY_PRIORITY ? Prompts.SOS_RAISED : Prompts.TO_OPERATOR);
  }

  private void done(IvrCall call, AgiChannel channel, String intent) throws AgiException {
    call.intent = intent;
    call.result = IvrCall.Result.DONE;
    route(call, channel, Prompts.GOODBYE);
  }

  /**
   * Sets the dialplan's variables and records the outcome while the last prompt plays, so that the call row says
   * what the caller chose before AMI reports them in the queue.
   */
  private void route(IvrCall call, AgiChannel channel, String lastPrompt) throws AgiException {
    channel.setVariable("ANXIN_INTENT", call.intent);
    channel.setVariable("ANXIN_QUEUE_PRIORITY", String.valueOf(call.priority));
    channel.setVariable("ANXIN_ELDER_ID", call.elder == null ? "" : String.valueOf(call.elder.id()));
    channel.setVariable("ANXIN_IVR_RESULT", call.result.name());
    Future<Void> recorded = recordOutcome(call);
    channel.streamFile(lastPrompt);
    await(call, recorded);
  }

  /** One digit, or "" for silence (GET DATA answers {@code result=} with nothing on a timeout). */
  private static String input(AgiChannel channel, String prompt) throws AgiException {
    String digits = channel.getData(prompt, DIGIT_TIMEOUT_MS, 1);
    return digits == null ? "" : digits.trim();
  }

  private static void retryPrompt(AgiChannel channel, int attempt) throws AgiException {
    if (attempt < ATTEMPTS - 1) {
      channel.streamFile(Prompts.INVALID);
    }
  }

  private void record(IvrCall call, String kind, JsonObject details) {
    if (call.callId != null) {
      AgiWait.await(calls.event(call.callId, kind, details), timeout);
    }
  }

  /**
   * After a hang-up (or anything that ended the script before its outcome was recorded): waits for a call row and
   * an order still in progress, then records how far the call got.
   */
  private void finish(IvrCall call) {
    if (call.recorded != null) {
      return;
    }
    if (call.callId == null && call.starting != null) {
      call.callId = AgiWait.await(call.starting, timeout).map(IvrStart.Started::callId).orElse(null);
    }
    if (call.orderId == null && call.ordering != null) {
      call.orderId = AgiWait.await(call.ordering, timeout).orElse(null);
    }
    if (call.callId != null) {
      await(call, recordOutcome(call));
    }
  }

  private Future<Void> recordOutcome(IvrCall call) {
    call.recorded = call.callId == null ? Future.succeededFuture() : calls.ivrDone(call.callId, call.elderId(),
        call.choiceList(), call.intent, call.priority, new JsonObject().put("result", call.result.name())
            .put("intent", call.intent).put("choices", call.choiceList()).put("hungUp", call.hungUp)
            .put("orderId", call.orderId));
    return call.recorded;
  }

  private void await(IvrCall call, Future<Void> recorded) {
    if (AgiWait.await(recorded.map(true), timeout).isEmpty()) {
      LOG.warn("The IVR outcome of call {} was not recorded in time", call.callId);
    }
  }
}
