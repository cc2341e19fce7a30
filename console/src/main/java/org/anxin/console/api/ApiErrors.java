package org.anxin.console.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.devices.DeviceRegistrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/** Maps every failure of an API route to its JSON answer, once, at the edge. */
public final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {
  }

  public static void handle(RoutingContext rc) {
    ApiException e = toApi(rc.failure(), rc.statusCode());
    if (e.status() >= 500) {
      LOG.error("{} {} failed", rc.request().method(), rc.request().path(), rc.failure());
    }
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    rc.response().setStatusCode(e.status()).putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", e.code()).put("message", e.getMessage()).encode());
  }

  static ApiException toApi(Throwable failure, int status) {
    if (failure == null) {
      return statusOnly(status);
    }
    Throwable e = failure.getCause() instanceof SQLException && !(failure instanceof SQLException)
        ? failure.getCause() : failure;
    if (e instanceof ApiException api) {
      return api;
    }
    if (e instanceof BusException bus) {
      return fromBus(bus);
    }
    if (e instanceof DeviceRegistrationException reg) {
      return new ApiException(400, "invalid_devices", String.join("; ", reg.problems()));
    }
    if (e instanceof DecodeException) {
      return ApiException.badRequest("the body is not valid JSON");
    }
    if (e instanceof IllegalArgumentException || e instanceof ClassCastException) {
      return ApiException.badRequest(e.getMessage());
    }
    if (e instanceof SQLException sql) {
      return fromSql(sql);
    }
    return new ApiException(500, "internal", "the request failed inside the console");
  }

  private static ApiException statusOnly(int status) {
    return switch (status) {
      case 400 -> ApiException.badRequest("the request is malformed");
      case 404 -> ApiException.notFound("the resource");
      case 405 -> new ApiException(405, "method_not_allowed", "this method is not allowed here");
      case 413 -> new ApiException(413, "too_large", "the body is too large");
      default -> new ApiException(status < 400 ? 500 : status, "http_" + status, "the request failed");
    };
  }

  private static ApiException fromBus(BusException e) {
    return switch (e.failure()) {
      case BAD_REQUEST -> ApiException.badRequest(e.getMessage());
      case NOT_FOUND -> new ApiException(404, "not_found", e.getMessage());
      case CONFLICT -> ApiException.conflict(e.getMessage());
      case UNAVAILABLE -> new ApiException(503, "unavailable", "the module that answers this is not answering: "
          + e.getMessage());
      case INTERNAL -> new ApiException(502, "module_failed", e.getMessage());
    };
  }

  /** Constraint violations are the caller's mistake; the server's message names the constraint, not the data. */
  private static ApiException fromSql(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return switch (state) {
      case "23505" -> ApiException.conflict("a row with this value exists already");
      case "23503" -> ApiException.conflict("it refers to a row that does not exist, or is still referred to");
      case "23514", "23502", "22P02", "22007", "22008", "22003" -> ApiException.badRequest(
          "a value is missing or out of range: " + firstLine(e.getMessage()));
      default -> new ApiException(500, "internal", "the request failed inside the console");
    };
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
