package org.anxin.hotline.calls;

import java.time.Instant;

/**
 * One step of a call as Asterisk reported it over AMI, reduced to what the records need.
 *
 * @param iface the queue member's interface (e.g. {@code PJSIP/8001}) for agent steps
 * @param seconds hold time, talk time or wait, as the step has one
 * @param detail the hang-up cause text, or why the agent step ended
 */
public record CallSignal(Kind kind, String uniqueId, String callerNumber, String queue, Integer position,
                         String iface, String memberName, Long seconds, String detail, Integer cause, Instant at) {

  public enum Kind { NEW_CHANNEL, QUEUE_JOIN, AGENT_CALLED, AGENT_CONNECT, AGENT_COMPLETE, ABANDON, HANGUP }

  public static CallSignal of(Kind kind, String uniqueId) {
    return new CallSignal(kind, uniqueId, null, null, null, null, null, null, null, null, Instant.now());
  }

  public CallSignal caller(String number) {
    return new CallSignal(kind, uniqueId, number, queue, position, iface, memberName, seconds, detail, cause, at);
  }

  public CallSignal queue(String name, Integer at) {
    return new CallSignal(kind, uniqueId, callerNumber, name, at, iface, memberName, seconds, detail, cause,
        this.at);
  }

  public CallSignal member(String memberInterface, String name) {
    return new CallSignal(kind, uniqueId, callerNumber, queue, position, memberInterface, name, seconds, detail,
        cause, at);
  }

  public CallSignal seconds(Long s) {
    return new CallSignal(kind, uniqueId, callerNumber, queue, position, iface, memberName, s, detail, cause, at);
  }

  public CallSignal ended(Integer hangupCause, String text) {
    return new CallSignal(kind, uniqueId, callerNumber, queue, position, iface, memberName, seconds, text,
        hangupCause, at);
  }
}
