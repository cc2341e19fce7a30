package org.anxin.server.cli;

import org.anxin.console.ConsoleModule;
import org.anxin.dispatcher.DispatcherModule;
import org.anxin.gateway.GatewayModule;
import org.anxin.hotline.HotlineModule;
import org.anxin.infra.node.AnxinModule;

import java.util.List;

/** Every module this jar holds, in the order a node deploys them: ingest first, the web last. */
public final class Modules {

  private Modules() {
  }

  public static List<AnxinModule> all() {
    return List.of(new GatewayModule(), new DispatcherModule(), new HotlineModule(), new ConsoleModule());
  }
}
