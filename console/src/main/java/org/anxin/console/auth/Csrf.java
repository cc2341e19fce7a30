package org.anxin.console.auth;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.anxin.console.api.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF protection by a synchronizer token: a random token kept in the session, handed to the page by
 * {@code GET /api/session} and the sign-in answer, and required in the {@value #HEADER} header of every request that
 * changes state. A new token is issued at sign-in, with the new session id.
 */
public final class Csrf {

  public static final String HEADER = "X-CSRF-Token";
  private static final String KEY = "csrf";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {
  }

  /** The session's token, made when it has none. */
  public static String token(Session session) {
    String token = session.get(KEY);
    return token != null ? token : renew(session);
  }

  public static String renew(Session session) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.put(KEY, token);
    return token;
  }

  /** Lets safe methods through; any other needs the header to match the session's token. */
  public static void check(RoutingContext rc) {
    if (SAFE.contains(rc.request().method())) {
      rc.next();
      return;
    }
    String expected = rc.session() == null ? null : rc.session().get(KEY);
    String sent = rc.request().getHeader(HEADER);
    if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8))) {
      rc.fail(new ApiException(403, "csrf", "a missing or wrong " + HEADER + " header: get one from GET /api/session"));
      return;
    }
    rc.next();
  }
}
