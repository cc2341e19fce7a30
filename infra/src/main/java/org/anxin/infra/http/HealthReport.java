package org.anxin.infra.http;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.http.HealthChecks.Status;

import java.util.Map;

/** The answers of every health check at one moment; the node is up when all of them are. */
public record HealthReport(Map<String, Status> checks) {

  public boolean up() {
    return checks.values().stream().allMatch(Status::up);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    checks.forEach((name, status) -> json.put(name, status.toJson()));
    return new JsonObject().put("status", up() ? "UP" : "DOWN").put("checks", json);
  }
}
