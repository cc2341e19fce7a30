package org.anxin.sim.cli;

import org.anxin.sim.scenario.ScenarioFile;
import org.anxin.sim.scenario.ScenarioName;
import org.anxin.sim.scenario.ScenarioOptions;
import org.anxin.sim.scenario.ScenarioRunner;
import org.anxin.sim.scenario.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scenario}: plays one situation for a device or an elder, or a timeline from a file. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
    description = {"Play a situation on a device's own connection, or a scripted timeline (--file).",
        "Names: sos, fall, wander, inactivity, night-door, smoke, gas, water-leak, heart-rate, low-battery, "
            + "strap-off, offline, flapping."})
public final class ScenarioCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  BrokerOptions broker;

  @Mixin
  DevicesOptions devices;

  @Mixin
  ScenarioOptions options;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The scenario (omit with --file).")
  String name;

  @Option(names = "--device", paramLabel = "ID", description = "The device that plays it.")
  String deviceId;

  @Option(names = "--elder", paramLabel = "ID", description = "Or: the elder whose device of the right kind plays it.")
  Long elderId;

  @Option(names = "--file", paramLabel = "F", description = "A scenario file (JSON or YAML) to play instead.")
  Path file;

  @Override
  public Integer call() throws InterruptedException {
    ScenarioRunner runner = new ScenarioRunner(devices.devices(), broker.address(), broker.linkOptions(),
        devices.homes(), SimEnvironment.zone(), devices.seed(), System.out);
    if (file != null) {
      int failed = new Timeline(runner).play(ScenarioFile.read(file));
      System.out.printf("scenario file %s: %d step(s) failed%n", file, failed);
      return failed == 0 ? 0 : 1;
    }
    if (name == null || deviceId == null && elderId == null) {
      throw new ParameterException(spec.commandLine(), "give a scenario NAME and --device or --elder, or --file");
    }
    runner.play(ScenarioName.parse(name), deviceId, elderId, options);
    return 0;
  }
}
