package org.anxin.dispatcher;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** The module's verticle; started by the server, idle until issue #6 gives it work. */
public class EscalationVerticle extends VerticleBase {

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
