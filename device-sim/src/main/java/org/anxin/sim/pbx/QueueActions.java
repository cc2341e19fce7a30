package org.anxin.sim.pbx;

/** The queue's manager actions: QueueAdd, QueuePause and QueueRemove, answered and announced as app_queue does. */
final class QueueActions {

  private final PbxSimulator pbx;
  private final OperatorQueue queue;

  QueueActions(PbxSimulator pbx, OperatorQueue queue) {
    this.pbx = pbx;
    this.queue = queue;
  }

  AmiMessage handle(AmiMessage action) {
    String id = action.get("ActionID");
    String name = action.get("Action", "").toLowerCase();
    if (name.startsWith("queue") && !queue.name.equals(action.get("Queue", queue.name))) {
      return AmiMessage.response("Error", id).add("Message", "Unable to find queue " + action.get("Queue"));
    }
    return switch (name) {
      case "queueadd" -> add(action, id);
      case "queueremove" -> remove(action, id);
      case "queuepause" -> pause(action, id);
      default -> AmiMessage.response("Error", id).add("Message", "Invalid/unknown command");
    };
  }

  private AmiMessage add(AmiMessage action, String id) {
    String iface = action.get("Interface", "");
    if (iface.isEmpty()) {
      return AmiMessage.response("Error", id).add("Message", "'Interface' not specified.");
    }
    AmiMessage answer;
    synchronized (pbx) {
      if (!queue.add(iface, action.get("MemberName"), "true".equalsIgnoreCase(action.get("Paused")))) {
        return AmiMessage.response("Error", id).add("Message", "Unable to add interface: Already there");
      }
      pbx.broadcast(PbxEvents.member("QueueMemberAdded", queue.name, queue.member(iface).orElseThrow()));
      answer = AmiMessage.response("Success", id).add("Message", "Added interface to queue");
    }
    pbx.dispatch();
    return answer;
  }

  private AmiMessage remove(AmiMessage action, String id) {
    synchronized (pbx) {
      return queue.remove(action.get("Interface", "")).map(m -> {
        pbx.broadcast(PbxEvents.member("QueueMemberRemoved", queue.name, m));
        return AmiMessage.response("Success", id).add("Message", "Removed interface from queue");
      }).orElse(AmiMessage.response("Error", id).add("Message", "Unable to remove interface: Not there"));
    }
  }

  private AmiMessage pause(AmiMessage action, String id) {
    boolean paused = "true".equalsIgnoreCase(action.get("Paused"));
    AmiMessage answer;
    synchronized (pbx) {
      OperatorQueue.Member member = queue.member(action.get("Interface", "")).orElse(null);
      if (member == null) {
        return AmiMessage.response("Error", id).add("Message", "Interface not found");
      }
      member.paused = paused;
      pbx.broadcast(PbxEvents.member("QueueMemberPause", queue.name, member)
          .add("Reason", action.get("Reason", "")));
      answer = AmiMessage.response("Success", id)
          .add("Message", paused ? "Interface paused successfully" : "Interface unpaused successfully");
    }
    pbx.dispatch();
    return answer;
  }
}
