package org.anxin.console;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** The module's verticle; started by the server, idle until issue #8 gives it work. */
public class ConsoleVerticle extends VerticleBase {

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
