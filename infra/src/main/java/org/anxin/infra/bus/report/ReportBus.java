package org.anxin.infra.bus.report;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.BusRequests;

import java.util.function.Function;

/** The typed way to use {@code report.ack-times} (request/reply). */
public final class ReportBus {

  private final EventBus bus;

  public ReportBus(EventBus bus) {
    this.bus = bus;
  }

  public Future<AckTimesReport> ackTimes(AckTimesQuery query) {
    return BusRequests.unwrap(bus.<JsonObject>request(Addresses.REPORT_ACK_TIMES, query.toJson())
        .map(m -> AckTimesReport.fromJson(m.body())));
  }

  public MessageConsumer<JsonObject> serveAckTimes(Function<AckTimesQuery, Future<AckTimesReport>> handler) {
    return BusRequests.serve(bus, Addresses.REPORT_ACK_TIMES, AckTimesQuery::fromJson, handler,
        AckTimesReport::toJson);
  }
}
