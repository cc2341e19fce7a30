package org.anxin.console.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Request bodies and parameters, each failing as a 400 (or 404 for an id in the path) that names what is wrong. */
public final class Bodies {

  private Bodies() {
  }

  /** The JSON object body; an empty body is an empty object. */
  public static JsonObject json(RoutingContext rc) {
    if (rc.body() == null || rc.body().length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject json = rc.body().asJsonObject();
      return json == null ? new JsonObject() : json;
    } catch (RuntimeException e) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
  }

  /** A numeric id in the path; anything else cannot name a row, so it is not found. */
  public static long pathId(RoutingContext rc, String name) {
    try {
      return Long.parseLong(rc.pathParam(name));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("'" + rc.pathParam(name) + "'");
    }
  }

  public static Long queryLong(RoutingContext rc, String name) {
    String v = rc.request().getParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'" + name + "' must be a whole number, not '" + v + "'");
    }
  }

  public static String query(RoutingContext rc, String name) {
    String v = rc.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** A comma-separated list of upper-case names, or null. */
  public static String[] queryList(RoutingContext rc, String name) {
    String v = query(rc, name);
    return v == null ? null : java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(String::toUpperCase).toArray(String[]::new);
  }

  /** A time as epoch milliseconds or ISO-8601 ({@code 2026-11-29T08:00:00Z}), or null. */
  public static java.time.Instant queryInstant(RoutingContext rc, String name) {
    String v = query(rc, name);
    return v == null ? null : Times.instant(name, v);
  }
}
