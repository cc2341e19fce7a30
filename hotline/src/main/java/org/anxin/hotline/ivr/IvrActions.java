package org.anxin.hotline.ivr;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmRaiser;
import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.RaiseRequest;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.bus.orders.OrderCreate;
import org.anxin.infra.bus.orders.OrderSource;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.bus.orders.ServiceType;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the IVR asks of the platform: an order from the dispatcher ({@code order.create}) and an SOS through the
 * shared raising code. Both run on the hotline verticle's context; the script thread waits on the returned futures.
 */
public final class IvrActions {

  private final Context context;
  private final OrderBus orders;
  private final AlarmRaiser raiser;

  public IvrActions(Context context, OrderBus orders, AlarmRaiser raiser) {
    this.context = context;
    this.orders = orders;
    this.raiser = raiser;
  }

  /**
   * An order for the elder recorded against the call: the dispatcher stores both in one row. The request is keyed
   * by the call and the key pressed, so the dispatcher never makes a second order for it, however late it answers
   * and whoever asks again.
   */
  public Future<OrderView> order(long elderId, ServiceType type, long callId, String caller, String requestKey) {
    return onContext(() -> orders.create(new OrderCreate(elderId, type, OrderSource.IVR, null, null, callId, null,
        "ivr:" + caller, "12349 IVR, call " + callId, requestKey)));
  }

  /** The idempotency key of the order a key press in this call asks for. */
  public static String requestKey(String uniqueId, String digit) {
    return "ivr:" + uniqueId + ":" + digit;
  }

  /** An SOS for the elder, keyed by the call so a repeated key press adds nothing. */
  public Future<Void> sos(CallerMatch.Elder elder, long callId, String caller) {
    RaiseRequest request = new RaiseRequest("call:" + callId + "|SOS", new AlarmSubject(elder.id(),
        elder.householdId(), null, elder.villageId(), elder.townshipId()), AlarmType.SOS, AlarmType.SOS.defaultPriority(), null, Instant.now(), null, null,
        new JsonObject().put("source", "IVR").put("callId", callId).put("caller", caller));
    return onContext(() -> raiser.raise(request));
  }

  /** Runs the work on the verticle's context; a request it cannot even build fails the future, never hangs it. */
  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> Future.succeededFuture().compose(ignored -> work.get()).onComplete(promise));
    return promise.future();
  }
}
