package org.anxin.server;

import org.anxin.infra.node.Node;
import org.anxin.server.cli.DemoCommand;
import org.anxin.server.cli.DeviceCommand;
import org.anxin.server.cli.FailureHandler;
import org.anxin.server.cli.MigrateCommand;
import org.anxin.server.cli.ServeCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The server's command line: {@code serve} (the default), {@code migrate}, {@code demo}, {@code device}. */
@Command(name = "anxin-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    subcommands = {ServeCommand.class, MigrateCommand.class, DemoCommand.class, DeviceCommand.class},
    description = {
        "Anxin 12349: monitoring of older people at home and the 12349 elderly-care hotline.",
        "Without a subcommand it serves. Every setting is an ANXIN_* environment variable (see README.md)."})
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(new FailureHandler());
  }

  @Override
  public Integer call() {
    return new ServeCommand().call();
  }

  /** The version printed by {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"anxin-server " + Node.version()};
    }
  }
}
