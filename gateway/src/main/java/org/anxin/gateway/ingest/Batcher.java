package org.anxin.gateway.ingest;

import io.vertx.core.Vertx;
import org.anxin.gateway.GatewayOptions;
import org.anxin.gateway.alarm.AlarmRules;
import org.anxin.gateway.decode.Decoded;
import org.anxin.gateway.decode.MessageDecoder;
import org.anxin.gateway.decode.MessageRejectedException;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.gateway.state.DeviceStates;
import org.anxin.gateway.store.BatchWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the inbox into committed batches, on the gateway's event loop. One batch fills while at most one is being
 * stored; a batch is stored when full or when its first message has waited the linger time. Only after the commit
 * are its messages applied to the device states and acknowledged. A failed batch is retried with growing pauses
 * while the next one fills up and then stops taking messages, so the inbox, then Paho, then the broker hold back.
 */
final class Batcher {

  private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);
  private static final long FIRST_RETRY_MS = 100;

  private final Vertx vertx;
  private final GatewayOptions options;
  private final MessageDecoder decoder;
  private final BatchWriter writer;
  private final DeviceStates states;
  private final GatewayMetrics metrics;
  private final MqttIngestClient client;
  private final AlarmRules alarms;
  private Inbox inbox;
  private PendingBatch filling;
  private PendingBatch storing;
  private long retryMs = FIRST_RETRY_MS;
  private int inFlight;

  Batcher(Vertx vertx, GatewayOptions options, MessageDecoder decoder, BatchWriter writer, DeviceStates states,
          GatewayMetrics metrics, MqttIngestClient client, AlarmRules alarms) {
    this.vertx = vertx;
    this.options = options;
    this.decoder = decoder;
    this.writer = writer;
    this.states = states;
    this.metrics = metrics;
    this.client = client;
    this.alarms = alarms;
    this.filling = new PendingBatch(options.batchSize());
  }

  void readFrom(Inbox source) {
    this.inbox = source;
  }

  /** Messages received and not yet committed: the inbox, the filling batch and the one being stored. */
  int depth() {
    return (inbox == null ? 0 : inbox.size()) + inFlight;
  }

  /** Takes messages from the inbox until it is empty or the filling batch is full. */
  void drain() {
    InboundMessage m;
    while (filling.size() < options.batchSize() && (m = inbox.poll()) != null) {
      take(m);
    }
    if (filling.size() >= options.batchSize()) {
      storeIfIdle();
    }
  }

  private void take(InboundMessage m) {
    long now = System.currentTimeMillis();
    if (filling.isEmpty()) {
      vertx.setTimer(options.lingerMs(), id -> storeIfIdle());
    }
    inFlight++;
    try {
      Decoded decoded = decoder.decode(m.topic(), m.payload(), m.receivedAt());
      if (decoded != null && alarms != null) {
        alarms.accept(decoded);
      }
      filling.accept(m, decoded, now);
    } catch (MessageRejectedException e) {
      filling.reject(m, e, now);
    }
  }

  private void storeIfIdle() {
    if (storing != null || filling.isEmpty()) {
      return;
    }
    storing = filling;
    filling = new PendingBatch(options.batchSize());
    store(storing);
  }

  private void store(PendingBatch batch) {
    long started = System.nanoTime();
    writer.write(batch.toStore())
        .onSuccess(v -> committed(batch, System.nanoTime() - started))
        .onFailure(e -> retryLater(batch, e));
  }

  private void committed(PendingBatch batch, long nanos) {
    long now = System.currentTimeMillis();
    count(batch, nanos, now);
    states.applyAll(batch.telemetry());
    states.applyAll(batch.events());
    client.ack(batch.received());
    inFlight -= batch.size();
    storing = null;
    retryMs = FIRST_RETRY_MS;
    if (filling.size() >= options.batchSize() || filling.age(now) >= options.lingerMs()) {
      storeIfIdle();
    }
    drain();
  }

  private void count(PendingBatch batch, long nanos, long now) {
    metrics.committed(batch.size(), nanos);
    batch.telemetry().forEach(r -> {
      metrics.accepted(r.channel());
      metrics.lag(r.envelope().ts(), r.envelope().receivedAt(), now);
    });
    batch.events().forEach(e -> {
      metrics.accepted(e.channel());
      metrics.lag(e.envelope().ts(), e.envelope().receivedAt(), now);
    });
    batch.reasons().forEach(e -> metrics.rejected(e.reason()));
  }

  private void retryLater(PendingBatch batch, Throwable e) {
    metrics.retried();
    LOG.warn("Storing a batch of {} messages failed ({}); retrying in {} ms", batch.size(), e.getMessage(), retryMs);
    vertx.setTimer(retryMs, id -> store(batch));
    retryMs = Math.min(options.retryMaxMs(), retryMs * 2);
  }
}
