package org.anxin.sim;

import org.anxin.sim.cli.BadCommand;
import org.anxin.sim.cli.BenchCommand;
import org.anxin.sim.cli.FleetCommand;
import org.anxin.sim.cli.ScenarioCommand;
import org.anxin.sim.pbx.PbxCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.CompletionException;

/** The simulator's command line: {@code fleet}, {@code scenario}, {@code bad} and {@code bench}. */
@Command(name = "anxin-sim", mixinStandardHelpOptions = true, version = "anxin-sim 0.1.0",
    description = "Simulated wristbands and home terminals speaking Anxin device protocol v1 over MQTT 5.",
    subcommands = {FleetCommand.class, ScenarioCommand.class, BadCommand.class, BenchCommand.class, PbxCommand.class,
        CommandLine.HelpCommand.class})
public final class SimMain implements Runnable {

  @Spec
  CommandSpec spec;

  private SimMain() {
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests that run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new SimMain()).setExecutionExceptionHandler(SimMain::explain);
  }

  /** A failure is one sentence for the user; the stack trace only with ANXIN_SIM_LOG_LEVEL=DEBUG. */
  private static int explain(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    Throwable shown = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    String why = shown.getCause() == null ? "" : " (" + shown.getCause().getClass().getSimpleName() + ")";
    cli.getErr().println("anxin-sim " + cli.getCommandName() + ": " + shown.getMessage() + why);
    LoggerFactory.getLogger(SimMain.class).debug("failure", e);
    return 1;
  }
}
