package org.anxin.server.cli;

import picocli.CommandLine.Command;

import java.util.Map;
import java.util.concurrent.Callable;

/** Runs a node until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the modules named by ANXIN_MODULES (default all) until SIGTERM; the default command.")
public final class ServeCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    return NodeRunner.run(Map.of(), node -> () -> { });
  }
}
