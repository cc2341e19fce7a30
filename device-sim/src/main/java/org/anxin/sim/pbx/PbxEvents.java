package org.anxin.sim.pbx;

/** The manager events of a call's life, with the fields Asterisk 18 sends. */
final class PbxEvents {

  private PbxEvents() {
  }

  static AmiMessage newChannel(SimCall call, String callerId, String context, String exten) {
    return channel(AmiMessage.event("Newchannel"), call.channel, call.uniqueId, "0", "Down", callerId,
        context, exten);
  }

  static AmiMessage queueCallerJoin(SimCall call, String queue, int position, int count) {
    return channel(AmiMessage.event("QueueCallerJoin"), call.channel, call.uniqueId, "6", "Up",
        call.script.callerId(), "anxin-12349", "12349").add("Queue", queue).add("Position", position)
        .add("Count", count);
  }

  static AmiMessage queueCallerLeave(SimCall call, String queue, int count) {
    return channel(AmiMessage.event("QueueCallerLeave"), call.channel, call.uniqueId, "6", "Up",
        call.script.callerId(), "anxin-12349", "12349").add("Queue", queue).add("Position", 1)
        .add("Count", count);
  }

  static AmiMessage queueCallerAbandon(SimCall call, String queue, int position, long holdSeconds) {
    return channel(AmiMessage.event("QueueCallerAbandon"), call.channel, call.uniqueId, "6", "Up",
        call.script.callerId(), "anxin-12349", "12349").add("Queue", queue).add("Position", position)
        .add("OriginalPosition", position).add("HoldTime", holdSeconds);
  }

  static AmiMessage agent(String event, SimCall call, OperatorQueue.Member member, String queue,
                          String destChannel, String destUniqueId) {
    return channel(AmiMessage.event(event), call.channel, call.uniqueId, "6", "Up", call.script.callerId(),
        "anxin-12349", "12349").add("DestChannel", destChannel).add("DestChannelState", "5")
        .add("DestChannelStateDesc", "Ringing").add("DestCallerIDNum", member.iface.replaceAll("\\D", ""))
        .add("DestCallerIDName", member.name).add("DestUniqueid", destUniqueId).add("DestLinkedid", call.uniqueId)
        .add("Queue", queue).add("MemberName", member.name).add("Interface", member.iface);
  }

  static AmiMessage hangup(String channel, String uniqueId, String callerId, int cause, String causeText) {
    return channel(AmiMessage.event("Hangup"), channel, uniqueId, "6", "Up", callerId, "anxin-12349", "12349")
        .add("Cause", cause).add("Cause-txt", causeText);
  }

  static AmiMessage member(String event, String queue, OperatorQueue.Member m) {
    return AmiMessage.event(event).add("Queue", queue).add("MemberName", m.name).add("Interface", m.iface)
        .add("StateInterface", m.iface).add("Membership", "dynamic").add("Penalty", 0)
        .add("CallsTaken", m.callsTaken).add("LastCall", 0).add("InCall", m.busy ? 1 : 0).add("Status", 1)
        .add("Paused", m.paused ? 1 : 0).add("PausedReason", "").add("Ringinuse", 0);
  }

  private static AmiMessage channel(AmiMessage m, String channel, String uniqueId, String state, String stateDesc,
                                    String callerId, String context, String exten) {
    return m.add("Channel", channel).add("ChannelState", state).add("ChannelStateDesc", stateDesc)
        .add("CallerIDNum", callerId).add("CallerIDName", "").add("ConnectedLineNum", "")
        .add("ConnectedLineName", "").add("Language", "zh").add("AccountCode", "").add("Context", context)
        .add("Exten", exten).add("Priority", 1).add("Uniqueid", uniqueId).add("Linkedid", uniqueId);
  }
}
