package org.anxin.console.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.console.auth.Csrf;
import org.anxin.console.auth.Role;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 document of the API, built from the routes as they are declared ({@link ApiRouter#docs()}), so that
 * it lists exactly the routes that exist. Served at {@code /api/openapi.json}; {@code docs/api.md} explains it.
 */
public final class OpenApi {

  private static final Pattern PATH_PARAM = Pattern.compile(":([A-Za-z]+)");

  private OpenApi() {
  }

  public static JsonObject document(List<ApiRouter.Doc> docs) {
    JsonObject paths = new JsonObject();
    for (ApiRouter.Doc d : docs) {
      String path = PATH_PARAM.matcher(d.path()).replaceAll("{$1}");
      JsonObject item = paths.getJsonObject(path);
      if (item == null) {
        item = new JsonObject();
        paths.put(path, item);
      }
      item.put(d.method().name().toLowerCase(Locale.ROOT), operation(d));
    }
    return new JsonObject().put("openapi", "3.0.3")
        .put("info", new JsonObject().put("title", "Anxin 12349 console API").put("version", "1")
            .put("description", "JSON over HTTP with a session cookie. Every request that changes state carries the "
                + "header " + Csrf.HEADER + " from GET /api/session or the sign-in answer. Times are epoch "
                + "milliseconds (UTC). Ids of elders outside the caller's scope answer 404. Errors are "
                + "{\"error\": code, \"message\": sentence}. Lists answer {items, total, limit, offset}."))
        .put("security", new JsonArray().add(new JsonObject().put("session", new JsonArray())))
        .put("paths", paths)
        .put("components", components());
  }

  private static JsonObject operation(ApiRouter.Doc d) {
    JsonArray params = new JsonArray();
    Matcher m = PATH_PARAM.matcher(d.path());
    while (m.find()) {
      params.add(new JsonObject().put("name", m.group(1)).put("in", "path").put("required", true)
          .put("schema", new JsonObject().put("type", m.group(1).equals("id") && d.path().contains("/devices/")
              ? "string" : "integer")));
    }
    d.query().forEach(q -> params.add(new JsonObject().put("name", q).put("in", "query").put("required", false)
        .put("schema", new JsonObject().put("type", "string"))));
    JsonObject op = new JsonObject().put("summary", d.summary()).put("parameters", params)
        .put("responses", responses(d));
    if (d.roles() == null) {
      op.put("security", new JsonArray());
    } else {
      op.put("x-roles", new JsonArray(d.roles().stream().map(Role::dbValue).sorted().map(Object.class::cast)
          .toList()));
    }
    if (d.body() != null) {
      op.put("requestBody", new JsonObject().put("description", d.body()).put("content", new JsonObject()
          .put("application/json", new JsonObject().put("schema", new JsonObject().put("type", "object")))));
    }
    return op;
  }

  private static JsonObject responses(ApiRouter.Doc d) {
    JsonObject error = new JsonObject().put("$ref", "#/components/responses/Error");
    String type = d.path().endsWith("/stream") ? "text/event-stream" : "application/json";
    return new JsonObject()
        .put("200", new JsonObject().put("description", "the answer").put("content", new JsonObject()
            .put(type, new JsonObject().put("schema", new JsonObject().put("type", type.equals("application/json")
                ? "object" : "string")))))
        .put("400", error).put("401", error).put("403", error).put("404", error).put("409", error);
  }

  private static JsonObject components() {
    JsonObject errorSchema = new JsonObject().put("type", "object")
        .put("properties", new JsonObject()
            .put("error", new JsonObject().put("type", "string"))
            .put("message", new JsonObject().put("type", "string")))
        .put("required", new JsonArray().add("error").add("message"));
    return new JsonObject()
        .put("schemas", new JsonObject().put("Error", errorSchema))
        .put("responses", new JsonObject().put("Error", new JsonObject().put("description", "an error")
            .put("content", new JsonObject().put("application/json", new JsonObject()
                .put("schema", new JsonObject().put("$ref", "#/components/schemas/Error"))))))
        .put("securitySchemes", new JsonObject().put("session", new JsonObject().put("type", "apiKey")
            .put("in", "cookie").put("name", "anxin_session")))
        .put("x-csrf-header", Csrf.HEADER);
  }
}
