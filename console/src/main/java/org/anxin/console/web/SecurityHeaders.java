package org.anxin.console.web;

import io.vertx.ext.web.RoutingContext;

/**
 * The headers that make the pages safe by construction: a Content-Security-Policy allowing only the console's own
 * scripts and styles (no inline code, no CDN), its own API for fetches and the stream, images from itself and the
 * configured tile source; no framing, no sniffing, no referrer, no powerful features.
 */
final class SecurityHeaders {

  private final String policy;

  SecurityHeaders(String tileOrigin) {
    String images = "'self' data: blob:" + (tileOrigin == null ? "" : " " + tileOrigin);
    this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + images
        + "; connect-src 'self'; font-src 'self'; manifest-src 'self'; media-src 'self'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'; object-src 'none'";
  }

  void apply(RoutingContext rc) {
    rc.response().putHeader("content-security-policy", policy).putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "no-referrer").putHeader("x-frame-options", "DENY")
        .putHeader("cross-origin-opener-policy", "same-origin")
        .putHeader("permissions-policy", "geolocation=(), camera=(), microphone=(), payment=()")
        .putHeader("cache-control", "no-cache");
    rc.next();
  }

  String policy() {
    return policy;
  }
}
