package org.anxin.console.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * A page of a list: {@code ?limit=} (default 50, at most 500) and {@code ?offset=}. Lists answer
 * {@code {"items": […], "total": n, "limit": …, "offset": …}}; queries count with {@code count(*) OVER () AS total}.
 */
public record Page(int limit, int offset) {

  public static final int MAX = 500;

  public static Page of(RoutingContext rc) {
    Long limit = Bodies.queryLong(rc, "limit");
    Long offset = Bodies.queryLong(rc, "offset");
    if (limit != null && (limit < 1 || limit > MAX)) {
      throw ApiException.badRequest("'limit' must be 1.." + MAX);
    }
    if (offset != null && offset < 0) {
      throw ApiException.badRequest("'offset' must not be negative");
    }
    return new Page(limit == null ? 50 : limit.intValue(), offset == null ? 0 : offset.intValue());
  }

  /** The answer for rows that carry the window count in {@code total}; past the end it is unknown (null). */
  public JsonObject answer(List<JsonObject> rows) {
    Long total = rows.isEmpty() ? (offset == 0 ? Long.valueOf(0) : null) : rows.get(0).getLong("total");
    JsonArray items = new JsonArray();
    rows.forEach(r -> {
      r.remove("total");
      items.add(r);
    });
    return new JsonObject().put("items", items).put("total", total).put("limit", limit).put("offset", offset);
  }
}
