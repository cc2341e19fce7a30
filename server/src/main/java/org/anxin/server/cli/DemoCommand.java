package org.anxin.server.cli;

import org.anxin.server.demo.DemoData;
import org.anxin.server.demo.DemoFleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Serves, after seeding the demo county once, with its devices simulated; prints where the console is and logins. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Serve with a demo county (seeded once) and print the console's address and logins.",
        "The county: 3 townships, 10 villages, 100 elders with their households and devices, carers, families,",
        "volunteers, staff and six providers. A later start finds it. Credentials go to",
        "<ANXIN_DATA_DIR>/demo/devices.csv and demo/users.csv, readable by their owner only.",
        "The demo's devices are simulated against the node's broker unless --no-fleet (or ANXIN_DEMO_FLEET=false)."})
public final class DemoCommand implements Callable<Integer> {

  static final String FLEET_ENV = "ANXIN_DEMO_FLEET";

  @Spec
  private CommandSpec spec;

  @Option(names = "--no-fleet", negatable = false,
      description = "Do not simulate the demo's devices (same as ANXIN_DEMO_FLEET=false).")
  private boolean noFleet;

  @Option(names = "--fleet-speed", defaultValue = "10", paramLabel = "X",
      description = "Simulated time of the fleet runs X times faster (a reading every 60/X s). Default ${DEFAULT-VALUE}.")
  private double fleetSpeed;

  @Override
  public Integer call() {
    return NodeRunner.run(Map.of(), node -> {
      DemoData demo = DemoData.ensure(node);
      boolean fleetOn = !noFleet && node.context().settings().bool(FLEET_ENV, true);
      Optional<DemoFleet> fleet = fleetOn ? Optional.of(DemoFleet.start(node, fleetSpeed)) : Optional.empty();
      demo.printWelcome(spec.commandLine().getOut(), fleet);
      return fleet.<AutoCloseable>map(f -> f).orElse(() -> { });
    });
  }
}
