package org.anxin.hotline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** The module's verticle; started by the server, idle until issue #7 gives it work. */
public class AgiServerVerticle extends VerticleBase {

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
