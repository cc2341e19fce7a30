package org.anxin.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.anxin.gateway.decode.Channel;
import org.anxin.gateway.decode.RejectReason;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's meters, named once here. In Prometheus form: {@code anxin_gateway_messages_total{channel}},
 * {@code anxin_gateway_rejected_total{reason}}, {@code anxin_gateway_batch_size}, {@code anxin_gateway_commit_seconds},
 * {@code anxin_gateway_lag_seconds{from}}, {@code anxin_gateway_queue_depth}, {@code anxin_gateway_retries_total}.
 */
public final class GatewayMetrics {

  public static final String MESSAGES = "anxin.gateway.messages";
  public static final String REJECTED = "anxin.gateway.rejected";
  public static final String BATCH_SIZE = "anxin.gateway.batch.size";
  public static final String COMMIT = "anxin.gateway.commit";
  public static final String LAG = "anxin.gateway.lag";
  public static final String QUEUE_DEPTH = "anxin.gateway.queue.depth";
  public static final String RETRIES = "anxin.gateway.retries";

  private final MeterRegistry registry;
  private final Map<Channel, Counter> accepted = new EnumMap<>(Channel.class);
  private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
  private final DistributionSummary batchSize;
  private final Timer commit;
  private final Timer lagFromTs;
  private final Timer lagFromArrival;
  private final Counter retries;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Channel c : Channel.values()) {
      accepted.put(c, Counter.builder(MESSAGES).tag("channel", c.segment())
          .description("Device messages accepted and committed").register(registry));
    }
    for (RejectReason r : RejectReason.values()) {
      rejected.put(r, Counter.builder(REJECTED).tag("reason", r.label())
          .description("Device messages rejected, by reason").register(registry));
    }
    batchSize = DistributionSummary.builder(BATCH_SIZE).description("Messages per committed batch")
        .publishPercentiles(0.5, 0.99).register(registry);
    commit = Timer.builder(COMMIT).description("Time to store and commit one batch")
        .publishPercentiles(0.5, 0.99).register(registry);
    lagFromTs = lag("ts", "From the measurement time of each batch's oldest message to its commit");
    lagFromArrival = lag("arrival", "From the arrival of each batch's first message to its commit");
    retries = Counter.builder(RETRIES).description("Batches retried after the database failed")
        .register(registry);
  }

  private Timer lag(String from, String description) {
    return Timer.builder(LAG).tag("from", from).description(description).publishPercentiles(0.5, 0.99)
        .register(registry);
  }

  public void accepted(Channel channel) {
    accepted.get(channel).increment();
  }

  public void rejected(RejectReason reason) {
    rejected.get(reason).increment();
  }

  public void committed(int size, long commitNanos) {
    batchSize.record(size);
    commit.record(commitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** One sample per batch, its oldest message: per message it cost a tenth of the event loop (measured). */
  public void lag(long ts, long receivedAt, long committedAt) {
    lagFromTs.record(Duration.ofMillis(Math.max(0, committedAt - ts)));
    lagFromArrival.record(Duration.ofMillis(Math.max(0, committedAt - receivedAt)));
  }

  public void retried() {
    retries.increment();
  }

  public void queueDepth(Supplier<Number> depth) {
    Gauge.builder(QUEUE_DEPTH, depth).description("Messages received and not yet committed").register(registry);
  }
}
