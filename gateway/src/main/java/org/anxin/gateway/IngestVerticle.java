package org.anxin.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** The module's verticle; started by the server, idle until issue #3 gives it work. */
public class IngestVerticle extends VerticleBase {

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
