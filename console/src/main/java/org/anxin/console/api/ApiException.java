package org.anxin.console.api;

/**
 * The one exception family of the API: a status, a short code and a sentence, answered as
 * {@code {"error": code, "message": …}} by {@link ApiErrors} at the edge.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  /** Also the answer for an id outside the caller's scope: whether it exists is not revealed. */
  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " not found");
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message);
  }
}
