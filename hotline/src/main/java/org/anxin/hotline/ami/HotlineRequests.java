package org.anxin.hotline.ami;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.calls.CallRecorder;
import org.anxin.hotline.calls.CallStore;
import org.anxin.hotline.care.CareCalls;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.calls.HotlineAnswer;
import org.anxin.infra.bus.calls.HotlineRequest;
import org.anxin.infra.bus.hotline.OriginateReply;

import java.util.UUID;

/** Answers {@code hotline.request}: each action is one small step of the parts that do the work. */
public final class HotlineRequests {

  private static final int MAX_CARE_CALLS = 50;

  private final QueueMembers members;
  private final Originations originations;
  private final CallStore calls;
  private final CareCalls care;
  private final CallRecorder recorder;

  public HotlineRequests(QueueMembers members, Originations originations, CallStore calls, CareCalls care,
                         CallRecorder recorder) {
    this.members = members;
    this.originations = originations;
    this.calls = calls;
    this.care = care;
    this.recorder = recorder;
  }

  public Future<HotlineAnswer> handle(HotlineRequest r) {
    return switch (r.action()) {
      case QUEUE_LOGIN -> members.login(r);
      case QUEUE_PAUSE -> members.pause(r, true);
      case QUEUE_RESUME -> members.pause(r, false);
      case QUEUE_LOGOUT -> members.logout(r);
      case CALLBACK -> callback(r);
      case WRAP_UP -> wrapUp(r);
      case LIVE_CALLS -> Future.succeededFuture(new HotlineAnswer(null, recorder.live().size() + " calls in progress",
          new JsonObject().put("calls", new JsonArray(recorder.live().stream().map(e -> (Object) e.toJson())
              .toList()))));
      case CARE_ROUND -> care.round(Math.min(MAX_CARE_CALLS, r.limit() == null ? 10 : Math.max(1, r.limit())))
          .map(placed -> new HotlineAnswer(null, placed.size() + " care calls placed",
              new JsonObject().put("calls", placed)));
    };
  }

  private Future<HotlineAnswer> callback(HotlineRequest r) {
    Future<String> number = r.number() != null ? Future.succeededFuture(r.number())
        : r.elderId() != null ? originations.elderNumber(r.elderId())
        : Future.failedFuture(BusException.badRequest("a callback needs 'number' or 'elderId'"));
    return number.compose(n -> members.interfaceOf(r.userId()).compose(iface -> originations.callback(
            "callback:" + r.username() + ":" + UUID.randomUUID(), iface, r.username(), n, r.elderId())))
        .map(HotlineRequests::answer);
  }

  private Future<HotlineAnswer> wrapUp(HotlineRequest r) {
    if (r.callId() == null || r.disposition() == null || r.disposition().isBlank()) {
      return Future.failedFuture(BusException.badRequest("a wrap-up needs 'callId' and 'disposition'"));
    }
    return calls.wrapUp(r.callId(), r.disposition(), r.note(), r.username())
        .map(agent -> new HotlineAnswer(r.callId(), "wrap-up recorded", new JsonObject().put("agent", agent)));
  }

  private static HotlineAnswer answer(OriginateReply reply) {
    return new HotlineAnswer(reply.callId(), reply.detail(), new JsonObject().put("answered", reply.answered()));
  }
}
