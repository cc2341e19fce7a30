package org.anxin.gateway.ingest;

import io.vertx.core.Vertx;
import org.anxin.gateway.mqtt.Arrival;
import org.anxin.infra.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@DisplayName("The inbox between Paho's thread and the gateway's event loop")
class InboxTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("holds Paho's thread while full, hands over in order, and lets it go once closed")
  void holdsBackUntilClosed() throws Exception {
    // GIVEN an inbox with room for two whose consumer does not drain it
    AtomicInteger wakeUps = new AtomicInteger();
    Inbox inbox = new Inbox(2, vertx.getOrCreateContext(), wakeUps::incrementAndGet);
    inbox.put(arrival(1));
    inbox.put(arrival(2));
    // WHEN Paho's thread brings a third
    Thread paho = new Thread(() -> {
      try {
        inbox.put(arrival(3));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "test-paho");
    paho.start();
    // THEN it waits for room, and the consumer was woken
    Await.until(WAIT, "Paho's thread waiting", () -> paho.getState() == Thread.State.TIMED_WAITING);
    Await.until(WAIT, "the consumer woken", () -> wakeUps.get() >= 1);
    // AND WHEN the inbox is closed, as the gateway stops, the thread goes on without queueing the message
    inbox.close();
    paho.join(WAIT.toMillis());
    assertFalse(paho.isAlive());
    assertEquals(1, inbox.poll().packetId());
    assertEquals(2, inbox.poll().packetId());
    assertEquals(0, inbox.size());
  }

  private static Arrival arrival(int packetId) {
    return new Arrival("anxin/v1/dev/wb-1/telemetry", new byte[0], packetId, 1, System.currentTimeMillis(), 0);
  }
}
