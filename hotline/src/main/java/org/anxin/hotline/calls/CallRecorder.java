package org.anxin.hotline.calls;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.calls.CallBus;
import org.anxin.infra.bus.calls.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps call records and live call state from AMI signals, on one Vert.x context. The writes of one call run in
 * the order Asterisk sent its events (a chain per Uniqueid); different calls do not wait for each other. A ringing
 * operator gets the screen pop.
 */
public final class CallRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

  private final CallStore store;
  private final ScreenPops pops;
  private final CallBus bus;
  private final Map<String, Future<?>> chains = new HashMap<>();
  private final Map<String, CallEvent> live = new LinkedHashMap<>();

  public CallRecorder(CallStore store, ScreenPops pops, CallBus bus) {
    this.store = store;
    this.pops = pops;
    this.bus = bus;
  }

  /** Records the signal after the earlier ones of the same call. */
  public void on(CallSignal signal) {
    Future<?> previous = chains.getOrDefault(signal.uniqueId(), Future.succeededFuture());
    Future<?> next = previous.transform(ar -> record(signal)).onFailure(e ->
        LOG.warn("Call {}: recording {} failed: {}", signal.uniqueId(), signal.kind(), e.getMessage()));
    chains.put(signal.uniqueId(), next);
    if (signal.kind() == CallSignal.Kind.HANGUP) {
      next.onComplete(ar -> chains.remove(signal.uniqueId(), next));
    }
  }

  /** The latest state of every call in progress, oldest first. */
  public List<CallEvent> live() {
    return List.copyOf(live.values());
  }

  private Future<?> record(CallSignal s) {
    return switch (s.kind()) {
      case NEW_CHANNEL -> store.open(s.uniqueId(), s.callerNumber(), "INBOUND", "NEW_CHANNEL",
              new JsonObject().put("caller", s.callerNumber()))
          .onSuccess(id -> publish(new CallStore.CallRow(id, null, s.callerNumber()), "IVR", s));
      case QUEUE_JOIN -> store.queued(s.uniqueId(), s.queue(), s.at(), new JsonObject().put("position",
          s.position())).onSuccess(row -> publish(row, "WAITING", s));
      case AGENT_CALLED -> store.eventOf(s.uniqueId(), "AGENT_CALLED", member(s))
          .compose(row -> row.map(r -> {
            publish(row, "RINGING", s);
            return pops.pop(r, s.iface());
          }).orElse(Future.succeededFuture()));
      case AGENT_CONNECT -> store.answered(s.uniqueId(), s.memberName(), s.at(), member(s)
          .put("holdTime", s.seconds())).onSuccess(row -> publish(row, "TALKING", s));
      case AGENT_COMPLETE -> store.eventOf(s.uniqueId(), "AGENT_COMPLETE", member(s).put("talkTime", s.seconds())
          .put("reason", s.detail()));
      case ABANDON -> store.eventOf(s.uniqueId(), "ABANDONED", new JsonObject().put("holdTime", s.seconds())
          .put("position", s.position())).onSuccess(row -> publish(row, "ABANDONED", s));
      case HANGUP -> store.ended(s.uniqueId(), s.detail(), s.at(), new JsonObject().put("cause", s.cause())
          .put("causeText", s.detail())).onSuccess(row -> publish(row, "ENDED", s));
    };
  }

  private static JsonObject member(CallSignal s) {
    return new JsonObject().put("interface", s.iface()).put("member", s.memberName()).put("queue", s.queue());
  }

  private void publish(Optional<CallStore.CallRow> row, String state, CallSignal s) {
    row.ifPresent(r -> publish(r, state, s));
  }

  private void publish(CallStore.CallRow row, String state, CallSignal s) {
    CallEvent event = new CallEvent(s.uniqueId(), row.id(), state, row.callerNumber(), row.elderId(), s.queue(),
        s.position(), s.memberName(), s.at());
    if (state.equals("ENDED")) {
      live.remove(s.uniqueId());
    } else {
      live.put(s.uniqueId(), event);
    }
    bus.publish(event);
  }
}
