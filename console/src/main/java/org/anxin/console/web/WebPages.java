package org.anxin.console.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The console's pages under {@code /ui/}: plain HTML and ES modules from {@code webroot}, web libraries from their
 * WebJars under {@code /ui/lib/}, and {@code /ui/config.json}; {@code /} sends the browser to the sign-in page.
 * Every answer carries the {@link SecurityHeaders}.
 */
public final class WebPages {

  private static final String WEBJARS = "META-INF/resources/webjars";

  private final WebOptions options;
  private final SecurityHeaders headers;

  public WebPages(WebOptions options) {
    this.options = options;
    this.headers = new SecurityHeaders(options.tilesUrl().isEmpty() ? null : WebOptions.tileOrigin(
        options.tilesUrl()));
  }

  public void mount(Router router) {
    router.get("/").handler(rc -> rc.redirect("/ui/"));
    router.route("/ui/*").handler(headers::apply);
    router.get("/ui/config.json").handler(this::handleConfig);
    router.get("/ui/lib/*").handler(StaticHandler.create(WEBJARS).setMaxAgeSeconds(86_400));
    router.get("/ui/*").handler(StaticHandler.create("webroot").setCachingEnabled(false)
        .setIndexPage("index.html").setDefaultContentEncoding("UTF-8"));
  }

  private void handleConfig(RoutingContext rc) {
    rc.response().putHeader("cache-control", "no-store");
    rc.json(options.toJson());
  }
}
