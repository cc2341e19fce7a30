package org.anxin.console.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.testing.Await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A live stream as a browser's EventSource reads it: frames parsed into events, heartbeats counted. */
public final class EventStream implements AutoCloseable {

  /** One SSE event, with when it was read ({@link System#nanoTime()}). */
  public record Event(String id, String type, JsonObject data, long receivedNanos) {
  }

  public final List<Event> events = new CopyOnWriteArrayList<>();
  private final HttpClient http;
  private final StringBuilder pending = new StringBuilder();
  private volatile int heartbeats;
  private volatile int status;
  private volatile boolean ended;

  private EventStream(HttpClient http) {
    this.http = http;
  }

  static EventStream open(Vertx vertx, int port, ApiClient client, String lastEventId) {
    return open(vertx, port, client, "/api/stream", lastEventId);
  }

  static EventStream open(Vertx vertx, int port, ApiClient client, String uri, String lastEventId) {
    EventStream stream = new EventStream(vertx.createHttpClient());
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI(uri);
    if (client.cookie() != null) {
      options.putHeader("Cookie", client.cookie());
    }
    if (lastEventId != null) {
      options.putHeader("Last-Event-ID", lastEventId);
    }
    HttpClientResponse response = stream.http.request(options).compose(r -> r.send()).map(r -> {
      r.handler(buffer -> stream.feed(buffer.toString()));
      r.endHandler(v -> stream.ended = true);
      return r;
    }).await();
    stream.status = response.statusCode();
    if (stream.status == 200) {
      Await.until(Console.WAIT, "the hello event", () -> stream.first("hello") != null);
    }
    return stream;
  }

  public static EventStream resume(Console console, ApiClient client, String lastEventId) {
    return open(console.vertx(), console.port(), client, lastEventId);
  }

  public int status() {
    return status;
  }

  public boolean ended() {
    return ended;
  }

  public int heartbeats() {
    return heartbeats;
  }

  public Event first(String type) {
    return events.stream().filter(e -> e.type().equals(type)).findFirst().orElse(null);
  }

  public Event await(String what, Predicate<Event> match) {
    Await.until(Console.WAIT, what, () -> events.stream().anyMatch(match));
    return events.stream().filter(match).findFirst().orElseThrow();
  }

  public boolean any(Predicate<Event> match) {
    return events.stream().anyMatch(match);
  }

  public void awaitHeartbeats(int n, Duration timeout) {
    int start = heartbeats;
    Await.until(timeout, n + " heartbeats", () -> heartbeats >= start + n || ended);
  }

  private synchronized void feed(String text) {
    pending.append(text);
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String frame = pending.substring(0, end);
      pending.delete(0, end + 2);
      parse(frame);
    }
  }

  private void parse(String frame) {
    String id = null;
    String type = "message";
    String data = null;
    for (String line : frame.split("\n")) {
      if (line.startsWith(": heartbeat")) {
        heartbeats++;
      } else if (line.startsWith("id: ")) {
        id = line.substring(4);
      } else if (line.startsWith("event: ")) {
        type = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data = line.substring(6);
      }
    }
    if (data != null) {
      events.add(new Event(id, type, new JsonObject(data), System.nanoTime()));
    }
  }

  @Override
  public void close() {
    http.close().await();
  }
}
