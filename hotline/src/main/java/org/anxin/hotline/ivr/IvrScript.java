package org.anxin.hotline.ivr;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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

  public IvrScript(CallStore calls, IvrStart start, IvrActions actions, Duration timeout) {
    this.calls = calls;
    this.start = start;
    this.actions = actions;
    this.timeout = timeout;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    IvrCall call = new IvrCall(request.getUniqueId(), CallerId.sanitize(request.getCallerIdNumber()));
    try {
      run(call, channel);
    } catch (AgiHangupException e) {
      call.hungUp = true;
    } finally {
      finish(call);
    }
  }

  private void run(IvrCall call, AgiChannel channel) throws AgiException {
    channel.answer();
    IvrStart.Started started = AgiWait.await(start.start(call.uniqueId, call.caller), timeout).orElse(null);
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
    channel.streamFile(Prompts.WELCOME);
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
        serve(call, channel, SERVICES.get(digit));
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

  private void serve(IvrCall call, AgiChannel channel, ServiceType type) throws AgiException {
    long callId = call.callId;
    Future<Long> recorded = actions.order(call.elder.id(), type, callId, call.caller)
        .compose(order -> calls.event(callId, "ORDER_CREATED", new JsonObject().put("orderId", order.id())
            .put("type", type.name()).put("state", order.state())).map(order.id()));
    call.orderId = AgiWait.await(recorded, timeout).orElse(null);
    if (call.orderId == null) {
      record(call, "ORDER_FAILED", new JsonObject().put("type", type.name()));
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

  private void emergency(IvrCall call, AgiChannel channel) throws AgiException {
    boolean raised = AgiWait.await(actions.sos(call.elder, call.callId, call.caller).map(true), timeout)
        .orElse(false);
    record(call, raised ? "SOS_RAISED" : "SOS_FAILED", new JsonObject().put("elderId", call.elder.id()));
    toOperator(call, channel, "EMERGENCY", IvrCall.EMERGENCY_PRIORITY);
  }

  private void toOperator(IvrCall call, AgiChannel channel, String intent, int priority) throws AgiException {
    call.intent = intent;
    call.priority = priority;
    call.result = IvrCall.Result.QUEUE;
    setRouting(call, channel);
    channel.streamFile(priority == IvrCall.EMERGENCY_PRIORITY ? Prompts.SOS_RAISED : Prompts.TO_OPERATOR);
  }

  private void done(IvrCall call, AgiChannel channel, String intent) throws AgiException {
    call.intent = intent;
    call.result = IvrCall.Result.DONE;
    setRouting(call, channel);
    channel.streamFile(Prompts.GOODBYE);
  }

  private static void setRouting(IvrCall call, AgiChannel channel) throws AgiException {
    channel.setVariable("ANXIN_INTENT", call.intent);
    channel.setVariable("ANXIN_QUEUE_PRIORITY", String.valueOf(call.priority));
    channel.setVariable("ANXIN_ELDER_ID", call.elder == null ? "" : String.valueOf(call.elder.id()));
    channel.setVariable("ANXIN_IVR_RESULT", call.result.name());
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

  private void finish(IvrCall call) {
    if (call.callId == null) {
      return;
    }
    Future<Void> stored = calls.ivrDone(call.callId, call.elderId(), call.choiceList(), call.intent, call.priority,
        new JsonObject().put("result", call.result.name()).put("intent", call.intent)
            .put("choices", call.choiceList()).put("hungUp", call.hungUp).put("orderId", call.orderId));
    if (AgiWait.await(stored.map(true), timeout).isEmpty()) {
      LOG.warn("The IVR outcome of call {} was not recorded in time", call.callId);
    }
  }
}
