package org.anxin.dispatcher.notify;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * SMS through an HTTP webhook: {@code POST {"to","text","key"}} with an {@code Idempotency-Key} header, so a
 * provider that honours it sends a retried or re-sent message once. Connection errors, timeouts, 429 and 5xx are
 * retried with exponential backoff; other answers are final. What could not be sent becomes a dead letter.
 */
public final class WebhookSmsProvider implements SmsProvider {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSmsProvider.class);
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final Vertx vertx;
  private final WebClient client;
  private final String url;
  private final int attempts;
  private final Duration backoff;
  private final Duration timeout;
  private final Database database;
  private final Clock clock;

  public WebhookSmsProvider(Vertx vertx, String url, int attempts, Duration backoff, Duration timeout,
                            Database database, Clock clock) {
    this.vertx = vertx;
    this.client = WebClient.create(vertx);
    this.url = url;
    this.attempts = Math.max(1, attempts);
    this.backoff = backoff;
    this.timeout = timeout;
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Future<Void> send(SmsMessage message) {
    return attempt(message, 1);
  }

  private Future<Void> attempt(SmsMessage message, int n) {
    return post(message).compose(response -> outcome(message, n, response.statusCode(), response.bodyAsString()),
        e -> retryOrGiveUp(message, n, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
  }

  private Future<HttpResponse<Buffer>> post(SmsMessage message) {
    return client.postAbs(url).timeout(timeout.toMillis()).putHeader(IDEMPOTENCY_HEADER, message.key())
        .sendJsonObject(new JsonObject().put("to", message.phone()).put("text", message.text())
            .put("key", message.key()));
  }

  private Future<Void> outcome(SmsMessage message, int n, int status, String body) {
    if (status >= 200 && status < 300) {
      return Future.succeededFuture();
    }
    String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
    if (status == 429 || status >= 500) {
      return retryOrGiveUp(message, n, error);
    }
    return deadLetter(message, n, error);
  }

  private Future<Void> retryOrGiveUp(SmsMessage message, int n, String error) {
    if (n >= attempts) {
      return deadLetter(message, n, error);
    }
    long delay = backoff.toMillis() << (n - 1);
    LOG.debug("SMS {} attempt {} failed ({}); retrying in {} ms", message.key(), n, error, delay);
    Promise<Void> later = Promise.promise();
    vertx.setTimer(delay, t -> attempt(message, n + 1).onComplete(later));
    return later.future();
  }

  private Future<Void> deadLetter(SmsMessage message, int n, String error) {
    LOG.warn("SMS {} given up after {} attempts: {}", message.key(), n, error);
    return database.withConnection(c -> Jdbc.update(c, NotifySql.DEAD_LETTER, message.key(), message.phone(),
            message.text(), n, error, clock.instant()))
        .compose(v -> Future.failedFuture("SMS not sent after " + n + " attempts (" + error + "), dead-lettered"));
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
