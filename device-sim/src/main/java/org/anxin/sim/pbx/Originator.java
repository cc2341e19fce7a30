package org.anxin.sim.pbx;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Outgoing calls (the Originate action, asynchronous): queued at once, then after the ring time an
 * {@code OriginateResponse} event with the action's ActionID: {@code Failure} (reason 3, no answer) or
 * {@code Success} (reason 4, answered). An answered channel then does what infra/deploy/asterisk/extensions.conf
 * does: in {@code anxin-outbound} it runs the AGI script named by the extension (with the action's variables), in
 * {@code anxin-callback} it is bridged to the number for a short talk; {@code Application: AGI} with an
 * {@code agi://} URL in {@code Data} runs that script. It hangs up when the script or the talk ends.
 */
final class Originator {

  static final String OUTBOUND_CONTEXT = "anxin-outbound";
  static final String CALLBACK_CONTEXT = "anxin-callback";
  private static final long TALK_MS = 50;

  private final PbxSimulator pbx;
  private final Map<String, Callee> callees = new ConcurrentHashMap<>();
  private final List<CallResult> results = new CopyOnWriteArrayList<>();

  Originator(PbxSimulator pbx) {
    this.pbx = pbx;
  }

  void callee(String number, Callee callee) {
    callees.put(number, callee);
  }

  List<CallResult> results() {
    return List.copyOf(results);
  }

  AmiMessage originate(AmiMessage action) {
    String id = action.get("ActionID");
    String channel = action.get("Channel", "");
    boolean bridged = CALLBACK_CONTEXT.equals(action.get("Context"));
    String number = bridged ? action.get("Exten", "") : channel.replaceAll("^[^/]*/", "").replaceAll("@.*$", "");
    if (number.isEmpty() || !bridged && !OUTBOUND_CONTEXT.equals(action.get("Context"))
        && !"AGI".equalsIgnoreCase(action.get("Application"))) {
      return AmiMessage.response("Error", id).add("Message", "Originate needs a Channel and a known context");
    }
    Callee callee = callees.getOrDefault(number, Callee.answering());
    pbx.vertx().setTimer(Math.max(1, pbx.options().ringMs()), t -> ring(action, id, number, callee, bridged));
    return AmiMessage.response("Success", id).add("Message", "Originate successfully queued");
  }

  private void ring(AmiMessage action, String id, String number, Callee callee, boolean bridged) {
    String uniqueId = pbx.nextUniqueId();
    String channelName = "PJSIP/anxin-trunk-" + uniqueId.replace('.', '-');
    AmiMessage response = AmiMessage.event("OriginateResponse").add("ActionID", id)
        .add("Response", callee.answers() ? "Success" : "Failure").add("Channel", action.get("Channel"))
        .add("Context", "").add("Exten", "").add("Application", "AGI").add("Data", action.get("Data"))
        .add("Reason", callee.answers() ? 4 : 3).add("Uniqueid", callee.answers() ? uniqueId : "<null>")
        .add("CallerIDNum", number).add("CallerIDName", "");
    CallScript script = new CallScript(number, "", "", callee.keys(), 0, 0);
    SimCall call = new SimCall(uniqueId, channelName, script);
    if (!callee.answers()) {
      pbx.broadcast(response);
      results.add(call.result());
      return;
    }
    pbx.broadcast(PbxEvents.newChannel(call, number, action.get("Context", OUTBOUND_CONTEXT), number));
    pbx.broadcast(response);
    if (bridged) {
      pbx.vertx().setTimer(TALK_MS, t -> hangUp(call, channelName, number));
      return;
    }
    String host = pbx.options().agiHost();
    int port = pbx.options().agiPort();
    String scriptName = action.get("Exten", "");
    if ("AGI".equalsIgnoreCase(action.get("Application"))) {
      URI agi = URI.create(action.get("Data", ""));
      host = agi.getHost();
      port = agi.getPort() < 0 ? 4573 : agi.getPort();
      scriptName = agi.getPath().replaceFirst("^/", "");
    }
    AgiSession.Channel agiChannel = new AgiSession.Channel(uniqueId, channelName, number, "", OUTBOUND_CONTEXT,
        scriptName, variables(action));
    new AgiSession(pbx.vertx(), agiChannel, script.withScript(scriptName), pbx.options().promptMs())
        .run(pbx.agiClient(), host, port)
        .onComplete(ar -> {
          call.agi = ar.result();
          hangUp(call, channelName, number);
        });
  }

  private void hangUp(SimCall call, String channelName, String number) {
    pbx.broadcast(PbxEvents.hangup(channelName, call.uniqueId, number, 16, "Normal Clearing"));
    results.add(call.result());
  }

  /** The channel variables of an Originate: one {@code Variable: NAME=value} line each. */
  private static Map<String, String> variables(AmiMessage action) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : action.all("Variable")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        vars.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return vars;
  }
}
