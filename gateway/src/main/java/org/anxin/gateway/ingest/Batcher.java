package org.anxin.gateway.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.gateway.GatewayOptions;
import org.anxin.gateway.alarm.AlarmRules;
import org.anxin.gateway.decode.Decoded;
import org.anxin.gateway.decode.MessageDecoder;
import org.anxin.gateway.decode.MessageRejectedException;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.gateway.mqtt.Arrival;
import org.anxin.gateway.mqtt.ManualAckSession;
import org.anxin.gateway.state.DeviceStates;
import org.anxin.gateway.store.BatchWriter;
import org.anxin.gateway.store.StoreBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns the inbox into committed batches, on the gateway's event loop. One batch fills while up to
 * {@code parallelBatches} are being stored, each in its own transaction; a batch is stored when full or when its
 * first message has waited the linger time. Batches are completed in the order they were sealed (MQTT wants
 * acknowledgements in the order messages came): only then are their messages applied to the device states and
 * acknowledged. A failed batch is retried with growing pauses and keeps its place; meanwhile the next batch fills
 * and then stops taking messages, so the inbox, then Paho, then the broker hold back.
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
  private final ManualAckSession client;
  private final AlarmRules alarms;
  private final Deque<PendingBatch> sealed = new ArrayDeque<>();
  private Inbox inbox;
  private PendingBatch filling;
  private long retryMs = FIRST_RETRY_MS;
  private int inFlight;

  Batcher(Vertx vertx, GatewayOptions options, MessageDecoder decoder, BatchWriter writer, DeviceStates states,
          GatewayMetrics metrics, ManualAckSession client, AlarmRules alarms) {
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

  /** Messages received and not yet committed: the inbox, the filling batch and those being stored. */
  int depth() {
    return (inbox == null ? 0 : inbox.size()) + inFlight;
  }

  /** Takes messages from the inbox until it is empty or the filling batch is full. */
  void drain() {
    Arrival m;
    while (filling.size() < options.batchSize() && (m = inbox.poll()) != null) {
      take(m);
    }
    if (filling.size() >= options.batchSize()) {
      storeIfSlotFree();
    }
  }

  private void take(Arrival m) {
    long now = System.currentTimeMillis();
    if (filling.isEmpty()) {
      vertx.setTimer(options.lingerMs(), id -> storeIfSlotFree());
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

  private void storeIfSlotFree() {
    if (sealed.size() >= options.parallelBatches() || filling.isEmpty()) {
      return;
    }
    PendingBatch batch = filling;
    filling = new PendingBatch(options.batchSize());
    sealed.addLast(batch);
    store(batch);
  }

  private void store(PendingBatch batch) {
    long started = System.nanoTime();
    writer.write(batch.toStore())
        .onSuccess(v -> committed(batch, System.nanoTime() - started))
        .onFailure(e -> retryLater(batch, e));
  }

  /** Each message in its own transaction; one the database refuses on its own becomes a reject. */
  private Future<Void> storeEach(PendingBatch batch) {
    Future<Void> chain = Future.succeededFuture();
    for (Decoded d : batch.toStoreEach()) {
      chain = chain.compose(v -> writer.write(StoreBatch.of(d)).recover(e -> {
        if (!StoreBatch.isDataError(e)) {
          return Future.failedFuture(e);
        }
        batch.storeFailed(d, e.getMessage());
        return Future.succeededFuture();
      }));
    }
    return chain.compose(v -> writer.write(batch.rejectsOnly()));
  }

  private void committed(PendingBatch batch, long nanos) {
    batch.committed(nanos);
    retryMs = FIRST_RETRY_MS;
    long now = System.currentTimeMillis();
    while (!sealed.isEmpty() && sealed.peekFirst().isCommitted()) {
      complete(sealed.removeFirst(), now);
    }
    if (filling.size() >= options.batchSize() || filling.age(now) >= options.lingerMs()) {
      storeIfSlotFree();
    }
    drain();
  }

  private void complete(PendingBatch batch, long now) {
    count(batch, now);
    states.applyAll(batch.telemetry());
    states.applyAll(batch.events());
    client.ack(batch.received());
    inFlight -= batch.size();
  }

  private void count(PendingBatch batch, long now) {
    metrics.committed(batch.size(), batch.commitNanos());
    batch.telemetry().forEach(r -> metrics.accepted(r.channel()));
    batch.events().forEach(e -> metrics.accepted(e.channel()));
    batch.reasons().forEach(e -> metrics.rejected(e.reason()));
    batch.oldest().ifPresent(e -> metrics.lag(e.ts(), e.receivedAt(), now));
  }

  private void retryLater(PendingBatch batch, Throwable e) {
    if (StoreBatch.isDataError(e)) {
      LOG.warn("The database refused a batch of {} messages ({}); storing them one at a time", batch.size(),
          e.getMessage());
      long started = System.nanoTime();
      storeEach(batch)
          .onSuccess(v -> committed(batch, System.nanoTime() - started))
          .onFailure(again -> retryLater(batch, again));
      return;
    }
    metrics.retried();
    LOG.warn("Storing a batch of {} messages failed ({}); retrying in {} ms", batch.size(), e.getMessage(), retryMs);
    vertx.setTimer(retryMs, id -> store(batch));
    retryMs = Math.min(options.retryMaxMs(), retryMs * 2);
  }
}
