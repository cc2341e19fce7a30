package org.anxin.infra.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * The checks behind {@code /health}: each names a part of the node (the database, the broker, a module's verticles)
 * and answers whether it is up. The node is healthy when every check is.
 */
public final class HealthChecks {

  /** One check's answer: up or not, with details for the operator. */
  public record Status(boolean up, JsonObject details) {

    public static Status up(JsonObject details) {
      return new Status(true, details);
    }

    public static Status down(String reason) {
      return new Status(false, new JsonObject().put("reason", reason));
    }
  }

  private final Map<String, Supplier<Future<Status>>> checks = new ConcurrentSkipListMap<>();

  public void register(String name, Supplier<Future<Status>> check) {
    checks.put(name, check);
  }

  public Map<String, Supplier<Future<Status>>> all() {
    return Map.copyOf(checks);
  }
}
