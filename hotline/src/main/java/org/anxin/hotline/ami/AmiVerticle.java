package org.anxin.hotline.ami;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.HotlineMetrics;
import org.anxin.hotline.HotlineOptions;
import org.anxin.hotline.calls.CallRecorder;
import org.anxin.hotline.calls.CallStore;
import org.anxin.hotline.calls.ScreenPops;
import org.anxin.hotline.care.CareCalls;
import org.anxin.infra.bus.calls.CallBus;
import org.anxin.infra.bus.hotline.HotlineBus;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.db.Database;
import org.anxin.infra.http.HealthChecks;


/**
 * The AMI side of the hotline: the managed connection, call records and screen pops from its events, and the
 * actions asked for on the bus ({@code hotline.originate} from the dispatcher, {@code hotline.request} from the
 * console). With AMI not configured, only wrap-ups work and the rest answers 503.
 */
public class AmiVerticle extends VerticleBase {

  private final HotlineOptions options;
  private final Database database;
  private final HealthChecks health;
  private final HotlineMetrics metrics;
  private AmiConnection ami;
  private CallRecorder recorder;

  public AmiVerticle(HotlineOptions options, Database database, HealthChecks health, HotlineMetrics metrics) {
    this.options = options;
    this.database = database;
    this.health = health;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    CallStore calls = new CallStore(database);
    recorder = new CallRecorder(calls, new ScreenPops(database, new StreamBus(vertx.eventBus()), metrics),
        new CallBus(vertx.eventBus()));
    ami = new AmiConnection(vertx, options, new AmiEvents(context, recorder::on));
    Originations originations = new Originations(ami, database, calls, options, metrics);
    HotlineRequests requests = new HotlineRequests(new QueueMembers(ami, database, options.queue()), originations,
        calls, new CareCalls(database, originations), recorder);
    if (options.amiEnabled()) {
      ami.start();
      metrics.amiUp(ami::up);
      health.register("ami", () -> Future.succeededFuture(ami.health()));
    } else {
      health.register("ami", () -> Future.succeededFuture(HealthChecks.Status.up(new JsonObject()
          .put("enabled", false))));
    }
    return Future.all(new HotlineBus(vertx.eventBus()).serve(r -> originations.originate(r, "callback"))
        .completion(), new CallBus(vertx.eventBus()).serve(requests::handle).completion());
  }

  @Override
  public Future<?> stop() {
    return options.amiEnabled() ? ami.stop() : Future.succeededFuture();
  }
}
