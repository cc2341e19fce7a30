package org.anxin.gateway.ingest;

import org.anxin.gateway.decode.Decoded;
import org.anxin.gateway.decode.DeviceEvent;
import org.anxin.gateway.decode.Envelope;
import org.anxin.gateway.decode.MessageRejectedException;
import org.anxin.gateway.decode.RejectReason;
import org.anxin.gateway.decode.TelemetryReading;
import org.anxin.gateway.mqtt.Arrival;
import org.anxin.gateway.store.RejectedMessage;
import org.anxin.gateway.store.StoreBatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The messages of one batch: what to store, and every message received (stored, rejected or ignored) to
 * acknowledge once the batch has committed.
 */
final class PendingBatch {

  private final List<Arrival> received;
  private final List<TelemetryReading> telemetry;
  private final List<DeviceEvent> events = new ArrayList<>();
  private final List<RejectedMessage> rejects = new ArrayList<>();
  private final List<MessageRejectedException> reasons = new ArrayList<>();
  /** Where each stored message came from, for the rare message the database refuses on its own. */
  private final Map<Decoded, Arrival> sources = new IdentityHashMap<>();
  /** Identities of skewed messages and Last Wills: the database's unique index does not catch their twins. */
  private final Set<String> unindexed = new HashSet<>();
  private long firstAt;
  private long commitNanos = -1;

  PendingBatch(int capacity) {
    received = new ArrayList<>(capacity);
    telemetry = new ArrayList<>(capacity);
  }

  void accept(Arrival m, Decoded decoded, long now) {
    receive(m, now);
    if (decoded == null || !firstOfItsKind(decoded)) {
      return;
    }
    sources.put(decoded, m);
    if (decoded instanceof TelemetryReading r) {
      telemetry.add(r);
    } else {
      events.add((DeviceEvent) decoded);
    }
  }

  void reject(Arrival m, MessageRejectedException e, long now) {
    receive(m, now);
    addReject(m, e);
  }

  /** Every message to store, for storing one at a time. */
  List<Decoded> toStoreEach() {
    List<Decoded> all = new ArrayList<>(telemetry);
    all.addAll(events);
    return all;
  }

  /** A message the database refused on its own: it becomes a reject of this batch. */
  void storeFailed(Decoded d, String detail) {
    telemetry.remove(d);
    events.remove(d);
    addReject(sources.get(d), new MessageRejectedException(RejectReason.STORE_FAILED, detail,
        d.envelope().deviceId()));
  }

  /** The identity of the stored message that waited longest (by arrival), for the batch's lag. */
  Optional<Envelope> oldest() {
    Envelope oldest = null;
    for (TelemetryReading r : telemetry) {
      oldest = older(oldest, r.envelope());
    }
    for (DeviceEvent e : events) {
      oldest = older(oldest, e.envelope());
    }
    return Optional.ofNullable(oldest);
  }

  private static Envelope older(Envelope a, Envelope b) {
    return a == null || b.receivedAt() < a.receivedAt() ? b : a;
  }

  StoreBatch rejectsOnly() {
    return new StoreBatch(List.of(), List.of(), rejects);
  }

  private void addReject(Arrival m, MessageRejectedException e) {
    reasons.add(e);
    rejects.add(new RejectedMessage(m.receivedAt(), m.topic(), e.deviceId(), e.reason().label(), e.detail(),
        m.payload()));
  }

  private void receive(Arrival m, long now) {
    if (received.isEmpty()) {
      firstAt = now;
    }
    received.add(m);
  }

  private boolean firstOfItsKind(Decoded d) {
    Envelope e = d.envelope();
    if (!e.clockSkewed() && e.seq() != null) {
      return true;
    }
    return unindexed.add(e.deviceId() + '/' + d.channel() + '/' + e.boot() + '/' + e.seq());
  }

  int size() {
    return received.size();
  }

  boolean isEmpty() {
    return received.isEmpty();
  }

  long age(long now) {
    return received.isEmpty() ? 0 : now - firstAt;
  }

  List<Arrival> received() {
    return received;
  }

  List<TelemetryReading> telemetry() {
    return telemetry;
  }

  List<DeviceEvent> events() {
    return events;
  }

  List<MessageRejectedException> reasons() {
    return reasons;
  }

  void committed(long nanos) {
    commitNanos = nanos;
  }

  boolean isCommitted() {
    return commitNanos >= 0;
  }

  long commitNanos() {
    return commitNanos;
  }

  StoreBatch toStore() {
    return new StoreBatch(telemetry, events, rejects);
  }
}
