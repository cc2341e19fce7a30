package org.anxin.infra.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** One module of the platform as a node runs it: deploys its verticles and reports them to {@code /health}. */
public interface AnxinModule {

  /** The name used in {@code ANXIN_MODULES}. */
  String name();

  /** Deploys the module's verticles; the future completes when all have started. */
  Future<Void> deploy(Vertx vertx, NodeContext context);
}
