package org.anxin.sim.pbx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A PBX that plays Asterisk for the hotline: inbound 12349 calls run the FastAGI script, then (unless it ended them)
 * join the operator queue with the priority the script set, ring a free member, talk and hang up; every step is an
 * AMI event. Queue members and outgoing calls are driven by AMI actions ({@link QueueActions}, {@link Originator}).
 * State changes are guarded by this object's lock; sockets run on Vert.x event loops.
 */
public final class PbxSimulator {

  private final Vertx vertx;
  private final PbxOptions options;
  private final NetClient agiClient;
  private final OperatorQueue queue;
  private final AtomicLong sequence = new AtomicLong();
  private final List<AmiMessage> actionsSeen = new CopyOnWriteArrayList<>();
  private AmiServer ami;
  private Originator originator;
  private int amiPort;

  private PbxSimulator(Vertx vertx, PbxOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.agiClient = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000));
    this.queue = new OperatorQueue(options.queue());
  }

  /** Starts the manager interface; inbound calls can be placed at once. */
  public static Future<PbxSimulator> start(Vertx vertx, PbxOptions options) {
    PbxSimulator pbx = new PbxSimulator(vertx, options);
    pbx.originator = new Originator(pbx);
    return pbx.startAmi(options.amiPort()).map(pbx);
  }

  private Future<Integer> startAmi(int port) {
    QueueActions queueActions = new QueueActions(this, queue);
    ami = new AmiServer(vertx, options.amiUser(), options.amiSecret(), action -> {
      actionsSeen.add(action);
      return action.get("Action", "").equalsIgnoreCase("originate") ? originator.originate(action)
          : queueActions.handle(action);
    });
    return ami.listen(options.amiHost(), port).onSuccess(p -> amiPort = p);
  }

  public int amiPort() {
    return amiPort;
  }

  /** Places one inbound call to 12349; completes when it has ended. */
  public Future<CallResult> call(CallScript script) {
    SimCall call = new SimCall(nextUniqueId(), "PJSIP/anxin-trunk-" + String.format("%08x", sequence.get()),
        script);
    ami.broadcast(PbxEvents.newChannel(call, script.callerId(), "anxin-12349", "12349"));
    AgiSession.Channel channel = new AgiSession.Channel(call.uniqueId, call.channel, script.callerId(),
        script.callerName(), "anxin-12349", "12349", Map.of());
    new AgiSession(vertx, channel, script, options.promptMs()).run(agiClient, options.agiHost(), options.agiPort())
        .onSuccess(outcome -> afterIvr(call, outcome))
        .onFailure(call.done::tryFail);
    return call.done.future();
  }

  /** How the numbers the PBX dials behave (default: answer and stay silent). */
  public void callee(String number, Callee callee) {
    originator.callee(number, callee);
  }

  /** Outgoing calls placed so far (Originate actions), with how they ended. */
  public List<CallResult> originated() {
    return originator.results();
  }

  /** Every AMI action other than login handshakes, as received. */
  public List<AmiMessage> actions() {
    return List.copyOf(actionsSeen);
  }

  /** Cuts the manager connections (the clients see a dropped socket and may reconnect). */
  public void dropAmiConnections() {
    ami.dropSessions();
  }

  /** Stops the manager interface altogether, as when Asterisk goes down. */
  public Future<Void> stopAmi() {
    return ami.close();
  }

  /** Starts the manager interface again on the same port. */
  public Future<Integer> restartAmi() {
    return startAmi(amiPort);
  }

  public int amiSessions() {
    return ami.loggedIn();
  }

  public Future<Void> close() {
    return ami.close().compose(v -> agiClient.close());
  }

  Vertx vertx() {
    return vertx;
  }

  PbxOptions options() {
    return options;
  }

  NetClient agiClient() {
    return agiClient;
  }

  void broadcast(AmiMessage event) {
    ami.broadcast(event);
  }

  String nextUniqueId() {
    return (System.currentTimeMillis() / 1000) + "." + sequence.incrementAndGet();
  }

  private void afterIvr(SimCall call, AgiOutcome outcome) {
    call.agi = outcome;
    if (outcome.hungUp() || "DONE".equals(outcome.variable("ANXIN_IVR_RESULT"))) {
      end(call, 16, "Normal Clearing");
      return;
    }
    int priority = parseInt(outcome.variable("ANXIN_QUEUE_PRIORITY"));
    synchronized (this) {
      call.queuePosition = queue.join(call, priority);
      ami.broadcast(PbxEvents.queueCallerJoin(call, queue.name, call.queuePosition, queue.size()));
    }
    if (call.script.abandonMs() > 0) {
      vertx.setTimer(call.script.abandonMs(), t -> abandon(call));
    }
    dispatch();
  }

  /** Rings free members for the callers at the head of the queue. */
  synchronized void dispatch() {
    for (OperatorQueue.Match match = queue.next().orElse(null); match != null;
         match = queue.next().orElse(null)) {
      ring(match);
    }
  }

  private void ring(OperatorQueue.Match match) {
    SimCall call = match.waiting().call();
    OperatorQueue.Member member = match.member();
    String destChannel = member.iface + "-" + String.format("%08x", sequence.get());
    String destUniqueId = nextUniqueId();
    ami.broadcast(PbxEvents.agent("AgentCalled", call, member, queue.name, destChannel, destUniqueId));
    long waitedSeconds = (System.nanoTime() - match.waiting().joinedNanos()) / 1_000_000_000L;
    vertx.setTimer(Math.max(1, options.ringMs()), t -> {
      synchronized (this) {
        ami.broadcast(PbxEvents.queueCallerLeave(call, queue.name, queue.size()));
        ami.broadcast(PbxEvents.agent("AgentConnect", call, member, queue.name, destChannel, destUniqueId)
            .add("HoldTime", waitedSeconds).add("RingTime", options.ringMs() / 1000));
        call.answeredBy = member.name;
      }
      vertx.setTimer(Math.max(1, call.script.talkMs()), t2 -> complete(call, member, destChannel, destUniqueId,
          waitedSeconds));
    });
  }

  private void complete(SimCall call, OperatorQueue.Member member, String destChannel, String destUniqueId,
                        long waitedSeconds) {
    synchronized (this) {
      ami.broadcast(PbxEvents.agent("AgentComplete", call, member, queue.name, destChannel, destUniqueId)
          .add("HoldTime", waitedSeconds).add("TalkTime", call.script.talkMs() / 1000).add("Reason", "caller"));
      ami.broadcast(PbxEvents.hangup(destChannel, destUniqueId, member.iface, 16, "Normal Clearing"));
      member.busy = false;
      member.callsTaken++;
    }
    end(call, 16, "Normal Clearing");
    dispatch();
  }

  private synchronized void abandon(SimCall call) {
    if (call.answeredBy != null || call.ended || !queue.leave(call)) {
      return;
    }
    call.abandoned = true;
    ami.broadcast(PbxEvents.queueCallerAbandon(call, queue.name, call.queuePosition, call.script.abandonMs() / 1000));
    ami.broadcast(PbxEvents.queueCallerLeave(call, queue.name, queue.size()));
    end(call, 16, "Normal Clearing");
  }

  private synchronized void end(SimCall call, int cause, String text) {
    if (call.ended) {
      return;
    }
    call.ended = true;
    ami.broadcast(PbxEvents.hangup(call.channel, call.uniqueId, call.script.callerId(), cause, text));
    call.done.tryComplete(call.result());
  }

  static int parseInt(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
