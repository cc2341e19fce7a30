package org.anxin.dispatcher.notify;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.testing.Await;
import org.anxin.dispatcher.testing.Dispatcher;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SMS through the webhook: retries with backoff, one idempotency key, a dead letter when it gives up")
class SmsWebhookTest {

  private static DispatcherDb db;
  private Vertx vertx;
  private HttpServer provider;
  private final List<MultiMap> requests = new CopyOnWriteArrayList<>();
  private final List<JsonObject> bodies = new CopyOnWriteArrayList<>();
  /** How many requests the fake provider fails with 503 before it accepts. */
  private final AtomicInteger failures = new AtomicInteger();
  @TempDir
  Path journal;

  @BeforeAll
  static void database() {
    db = DispatcherDb.create();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @BeforeEach
  void startProvider() {
    vertx = Vertx.vertx();
    provider = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      requests.add(req.headers());
      bodies.add(body.toJsonObject());
      boolean fail = failures.getAndDecrement() > 0;
      req.response().setStatusCode(fail ? 503 : 200).end(fail ? "busy" : "{\"ok\":true}");
    })).listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stopProvider() {
    vertx.close().await();
  }

  @Test
  @DisplayName("retries a failing provider with the same key, then keeps a dead letter and fails the delivery")
  void deadLettersAfterRetries() {
    // GIVEN a provider that is always busy
    failures.set(Integer.MAX_VALUE);
    WebhookSmsProvider sms = newProvider();
    // WHEN an SMS is sent
    Throwable failure = assertThrows(Exception.class, () -> sms.send(new SmsMessage("key-dead", "+8613900000009",
        "help")).await());
    // THEN three attempts went out with one idempotency key, and the message is a dead letter
    assertEquals(3, requests.size());
    assertTrue(requests.stream().allMatch(h -> "key-dead".equals(h.get(WebhookSmsProvider.IDEMPOTENCY_HEADER))));
    assertEquals("+8613900000009", bodies.get(0).getString("to"));
    assertTrue(failure.getMessage().contains("dead-lettered"), failure.getMessage());
    assertEquals(List.of("3|HTTP 503: busy"), db.strings("SELECT attempts || '|' || last_error FROM sms_dead_letters "
        + "WHERE idempotency_key = 'key-dead'"));
  }

  @Test
  @DisplayName("succeeds on a retry when the provider recovers, with no dead letter")
  void succeedsOnRetry() {
    // GIVEN a provider busy once
    failures.set(1);
    // WHEN an SMS is sent
    newProvider().send(new SmsMessage("key-retry", "+8613900000008", "help")).await();
    // THEN it took two attempts and left no dead letter
    assertEquals(2, requests.size());
    assertEquals(0, db.number("SELECT count(*) FROM sms_dead_letters WHERE idempotency_key = 'key-retry'"));
  }

  @Test
  @DisplayName("an escalation's SMS carries its notification key and records the delivery result as an alarm event")
  void escalationTextsThroughTheWebhook() throws Exception {
    // GIVEN a dispatcher texting through the webhook and an elder whose carer is on shift
    People people = new People(db);
    Home home = people.newHome();
    people.newCarer(home, "PRIMARY", true);
    String url = "http://127.0.0.1:" + provider.actualPort() + "/sms";
    try (Dispatcher dispatcher = new Dispatcher(db, Dispatcher.webhookOptions(1, url), journal).deploy()) {
      // WHEN an SOS is raised
      long alarm = dispatcher.raise(home, AlarmType.SOS, 1);
      // THEN the carer's SMS was posted once with its key, and recorded as NOTIFIED
      Await.until(WAIT, "the SMS delivered", () -> db.number("SELECT count(*) FROM alarm_events WHERE alarm_id = ? "
          + "AND kind = 'NOTIFIED' AND channel = 'SMS'", alarm) == 1);
      String key = db.strings("SELECT idempotency_key FROM notifications WHERE alarm_id = ? AND channel = 'SMS'",
          alarm).get(0);
      assertEquals(List.of(key), requests.stream().map(h -> h.get(WebhookSmsProvider.IDEMPOTENCY_HEADER)).toList());
      assertTrue(key.matches("alarm:" + alarm + "\\|step:1\\|carer:\\d+\\|SMS"), key);
    }
  }

  private WebhookSmsProvider newProvider() {
    return new WebhookSmsProvider(vertx, "http://127.0.0.1:" + provider.actualPort() + "/sms", 3,
        Duration.ofMillis(20), Duration.ofSeconds(2), db.database(), Clock.systemUTC());
  }
}
