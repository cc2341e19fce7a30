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
 * {@code Success} (reason 4, answered), after which the answered channel runs the AGI application named in
 * {@code Data} with the action's variables, and hangs up when the script ends.
 */
final class Originator {

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
    String number = channel.replaceAll("^[^/]*/", "").replaceAll("@.*$", "");
    if (number.isEmpty() || !"AGI".equalsIgnoreCase(action.get("Application"))) {
      return AmiMessage.response("Error", id).add("Message", "Originate requires a Channel and the AGI application");
    }
    Callee callee = callees.getOrDefault(number, Callee.answering());
    pbx.vertx().setTimer(Math.max(1, pbx.options().ringMs()), t -> ring(action, id, number, callee));
    return AmiMessage.response("Success", id).add("Message", "Originate successfully queued");
  }

  private void ring(AmiMessage action, String id, String number, Callee callee) {
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
    pbx.broadcast(PbxEvents.newChannel(call, number, "anxin-outbound", number));
    pbx.broadcast(response);
    URI agi = URI.create(action.get("Data", ""));
    String scriptName = agi.getPath().replaceFirst("^/", "") + (agi.getQuery() == null ? "" : "?" + agi.getQuery());
    AgiSession.Channel agiChannel = new AgiSession.Channel(uniqueId, channelName, number, "", "anxin-outbound",
        number, variables(action));
    new AgiSession(pbx.vertx(), agiChannel, script.withScript(scriptName), pbx.options().promptMs())
        .run(pbx.agiClient(), agi.getHost(), agi.getPort() < 0 ? 4573 : agi.getPort())
        .onComplete(ar -> {
          call.agi = ar.result();
          pbx.broadcast(PbxEvents.hangup(channelName, uniqueId, number, 16, "Normal Clearing"));
          results.add(call.result());
        });
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
