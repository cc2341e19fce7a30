package org.anxin.infra.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The checks behind {@code /health}: each names a part of the node (the database, the broker, a module's verticles)
 * and answers whether it is up. The node is healthy when every check is.
 */
public final class HealthChecks {

  /** How long one check may take before it counts as down; a hung database must not hang {@code /health}. */
  static final long CHECK_TIMEOUT_MS = 3_000;

  /** One check's answer: up or not, with details for the operator. */
  public record Status(boolean up, JsonObject details) {

    public static Status up(JsonObject details) {
      return new Status(true, details);
    }

    public static Status down(String reason) {
      return new Status(false, new JsonObject().put("reason", reason));
    }

    public JsonObject toJson() {
      return new JsonObject().put("status", up ? "UP" : "DOWN").put("details", details);
    }
  }

  private final Map<String, Supplier<Future<Status>>> checks = new ConcurrentSkipListMap<>();

  public void register(String name, Supplier<Future<Status>> check) {
    checks.put(name, check);
  }

  public Map<String, Supplier<Future<Status>>> all() {
    return Map.copyOf(checks);
  }

  /** Runs every check at once; a check that fails or does not answer in time is reported down, never thrown. */
  public Future<HealthReport> run() {
    List<String> names = new ArrayList<>(checks.keySet());
    List<Future<Status>> answers = names.stream().map(name -> guarded(checks.get(name))).toList();
    return Future.join(answers).transform(ignored -> {
      Map<String, Status> results = new ConcurrentSkipListMap<>();
      for (int i = 0; i < names.size(); i++) {
        results.put(names.get(i), answers.get(i).result());
      }
      return Future.succeededFuture(new HealthReport(results));
    });
  }

  private static Future<Status> guarded(Supplier<Future<Status>> check) {
    if (check == null) {
      return Future.succeededFuture(Status.down("the check was removed while running"));
    }
    Future<Status> answer;
    try {
      answer = check.get();
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    return answer
        .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(e -> Future.succeededFuture(Status.down(describe(e))));
  }

  private static String describe(Throwable e) {
    if (e instanceof TimeoutException) {
      return "no answer within " + CHECK_TIMEOUT_MS + " ms";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
