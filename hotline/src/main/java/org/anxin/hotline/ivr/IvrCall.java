package org.anxin.hotline.ivr;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;

/** One call's state while the IVR runs it; the script itself is shared by all calls and holds none. */
final class IvrCall {

  /** Where the dialplan takes the call after the script: the operator queue, or the end. */
  enum Result { QUEUE, DONE }

  static final int NORMAL_PRIORITY = 0;
  /** Asterisk serves higher QUEUE_PRIO first: an emergency goes before everyone waiting. */
  static final int EMERGENCY_PRIORITY = 10;

  final String uniqueId;
  final String caller;
  final List<String> choices = new ArrayList<>();
  Long callId;
  CallerMatch match = CallerMatch.unknown();
  CallerMatch.Elder elder;
  String intent = "OPERATOR";
  int priority = NORMAL_PRIORITY;
  Result result = Result.QUEUE;
  Long orderId;
  boolean hungUp;
  /** The first transaction (call row, caller match), started while the greeting plays. */
  Future<IvrStart.Started> starting;
  /** An order on its way (created and recorded on the call), started while the caller hears it is being made. */
  Future<Long> ordering;
  /** The outcome's write, once started; a call records its outcome once. */
  Future<Void> recorded;

  IvrCall(String uniqueId, String caller) {
    this.uniqueId = uniqueId;
    this.caller = caller;
  }

  Long elderId() {
    return elder == null ? null : elder.id();
  }

  /** The digits chosen, in order ({@code -} for no input), as stored in {@code calls.ivr_choices}. */
  String choiceList() {
    return String.join(",", choices);
  }
}
