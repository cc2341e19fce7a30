package org.anxin.gateway.ingest;

import io.vertx.core.Context;
import org.anxin.gateway.mqtt.Arrival;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hand-over from Paho's thread to the gateway's event loop: a bounded queue and one pending wake-up at a time.
 * When the queue is full, Paho's thread waits in {@link #put}; Paho then stops reading the socket, and the broker,
 * held by the receive maximum, stops sending. That is the gateway's back-pressure when the database is slow. Once
 * closed (the gateway is stopping) it drops what arrives instead of waiting: Paho's disconnect waits for its callback
 * thread, which must not stay parked on a full queue, and a dropped message was never acknowledged, so the broker
 * sends it again to the next session.
 */
final class Inbox {

  private static final long CLOSED_CHECK_MS = 100;

  private final ArrayBlockingQueue<Arrival> queue;
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private final Context context;
  private final Runnable consumer;
  private volatile boolean closed;

  Inbox(int capacity, Context context, Runnable consumer) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.context = context;
    this.consumer = consumer;
  }

  /** Called on Paho's thread: queue and wake the event loop, nothing more. */
  void put(Arrival message) throws InterruptedException {
    while (!queue.offer(message, CLOSED_CHECK_MS, TimeUnit.MILLISECONDS)) {
      if (closed) {
        return;
      }
    }
    if (wakeUpPending.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        wakeUpPending.set(false);
        consumer.run();
      });
    }
  }

  /** From now on {@link #put} no longer waits for room: what does not fit is dropped, unacknowledged. */
  void close() {
    closed = true;
  }

  Arrival poll() {
    return queue.poll();
  }

  int size() {
    return queue.size();
  }
}
