package org.anxin.gateway.ingest;

import io.vertx.core.Context;
import org.anxin.gateway.mqtt.Arrival;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hand-over from Paho's thread to the gateway's event loop: a bounded queue and one pending wake-up at a time.
 * When the queue is full, Paho's thread waits in {@link #put}; Paho then stops reading the socket, and the broker,
 * held by the receive maximum, stops sending. That is the gateway's back-pressure when the database is slow.
 */
final class Inbox {

  private final ArrayBlockingQueue<Arrival> queue;
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private final Context context;
  private final Runnable consumer;

  Inbox(int capacity, Context context, Runnable consumer) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.context = context;
    this.consumer = consumer;
  }

  /** Called on Paho's thread: queue and wake the event loop, nothing more. */
  void put(Arrival message) throws InterruptedException {
    queue.put(message);
    if (wakeUpPending.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        wakeUpPending.set(false);
        consumer.run();
      });
    }
  }

  Arrival poll() {
    return queue.poll();
  }

  int size() {
    return queue.size();
  }
}
