package org.anxin.sim.pbx;

import io.vertx.core.Promise;

/** One simulated channel in the PBX: its identity, the caller's script and how the call ends. */
final class SimCall {

  final String uniqueId;
  final String channel;
  final CallScript script;
  final Promise<CallResult> done = Promise.promise();
  AgiOutcome agi;
  Integer queuePosition;
  String answeredBy;
  boolean abandoned;
  boolean ended;

  SimCall(String uniqueId, String channel, CallScript script) {
    this.uniqueId = uniqueId;
    this.channel = channel;
    this.script = script;
  }

  CallResult result() {
    return new CallResult(uniqueId, agi, queuePosition, answeredBy, abandoned);
  }
}
