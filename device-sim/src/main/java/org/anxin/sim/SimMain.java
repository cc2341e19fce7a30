package org.anxin.sim;

import org.anxin.sim.cli.BadCommand;
import org.anxin.sim.cli.BenchCommand;
import org.anxin.sim.cli.FleetCommand;
import org.anxin.sim.cli.ScenarioCommand;
import org.anxin.sim.pbx.PbxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
    return new CommandLine(new SimMain());
  }
}
