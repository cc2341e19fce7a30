package org.anxin.console.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.List;

/**
 * A browser's view of the API: keeps the session cookie as the server sets it and sends the CSRF token it was given
 * on every change, unless told not to.
 */
public final class ApiClient {

  /** One answer. */
  public record Answer(int status, String text, MultiMap headers) {

    public JsonObject json() {
      return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
    }

    public Answer expect(int expected) {
      if (status != expected) {
        throw new AssertionError("expected " + expected + " but got " + status + ": " + text);
      }
      return this;
    }
  }

  private final WebClient web;
  private String cookie;
  private String csrf;

  ApiClient(WebClient web) {
    this.web = web;
  }

  public Answer login(String username, String password) {
    if (csrf == null) {
      session();
    }
    Answer a = post("/api/login", new JsonObject().put("username", username).put("password", password));
    if (a.status() == 200) {
      csrf = a.json().getString("csrfToken");
    }
    return a;
  }

  public Answer session() {
    Answer a = get("/api/session");
    csrf = a.json().getString("csrfToken");
    return a;
  }

  /** Takes over another client's session, as a load balancer sending the browser to another node would. */
  public ApiClient adopt(ApiClient other) {
    cookie = other.cookie;
    csrf = other.csrf;
    return this;
  }

  public String cookie() {
    return cookie;
  }

  public String csrf() {
    return csrf;
  }

  public Answer get(String path) {
    return send(HttpMethod.GET, path, null, csrf);
  }

  public Answer post(String path, JsonObject body) {
    return send(HttpMethod.POST, path, body, csrf);
  }

  public Answer send(HttpMethod method, String path, JsonObject body) {
    return send(method, path, body, csrf);
  }

  /** A request with the given CSRF token (null sends none). */
  public Answer send(HttpMethod method, String path, JsonObject body, String token) {
    HttpRequest<Buffer> request = web.request(method, path);
    if (cookie != null) {
      request.putHeader("Cookie", cookie);
    }
    if (token != null) {
      request.putHeader("X-CSRF-Token", token);
    }
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendJsonObject(body)).await();
    keepCookie(response.headers().getAll("set-cookie"));
    return new Answer(response.statusCode(), response.bodyAsString(), response.headers());
  }

  /** A request whose body is text, e.g. a CSV file. */
  public Answer postText(String path, String contentType, String text) {
    HttpRequest<Buffer> request = web.request(HttpMethod.POST, path).putHeader("content-type", contentType)
        .putHeader("X-CSRF-Token", csrf);
    if (cookie != null) {
      request.putHeader("Cookie", cookie);
    }
    HttpResponse<Buffer> response = request.sendBuffer(Buffer.buffer(text)).await();
    return new Answer(response.statusCode(), response.bodyAsString(), response.headers());
  }

  private void keepCookie(List<String> setCookies) {
    for (String header : setCookies) {
      String pair = header.split(";", 2)[0];
      if (pair.startsWith("anxin_session=")) {
        cookie = pair.endsWith("=") ? null : pair;
      }
    }
  }
}
