package org.anxin.sim.pbx;

import java.util.List;

/**
 * What a simulated caller (or callee) does. Each prompt that waits for a key (GET DATA, WAIT FOR DIGIT, GET OPTION,
 * STREAM FILE with escape digits) takes the next entry of {@code keys}: digits to press, {@code ""} for silence,
 * {@code "H"} to hang up during the prompt, or digits followed by {@code H} to press them and hang up at once.
 * Keys run out into silence.
 *
 * @param callerId the caller ID number exactly as the network delivers it (it may hold anything)
 * @param script the FastAGI script the dialplan calls, e.g. {@code ivr}
 * @param talkMs how long the caller talks once an operator answers
 * @param abandonMs hang up after waiting this long in the queue (0: wait for ever)
 */
public record CallScript(String callerId, String callerName, String script, List<String> keys, long talkMs,
                         long abandonMs) {

  public CallScript {
    keys = List.copyOf(keys);
  }

  /** A call to 12349 through the IVR, talking 50 ms to an operator if it gets one. */
  public static CallScript ivr(String callerId, String... keys) {
    return new CallScript(callerId, "", "ivr", List.of(keys), 50, 0);
  }

  public CallScript withScript(String name) {
    return new CallScript(callerId, callerName, name, keys, talkMs, abandonMs);
  }

  public CallScript withTalk(long ms) {
    return new CallScript(callerId, callerName, script, keys, ms, abandonMs);
  }

  public CallScript withAbandon(long ms) {
    return new CallScript(callerId, callerName, script, keys, talkMs, ms);
  }
}
