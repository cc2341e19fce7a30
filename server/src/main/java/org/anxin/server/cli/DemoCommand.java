package org.anxin.server.cli;

import org.anxin.server.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** Serves, after seeding the demo county once; prints where the console is and how to log in. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Serve with a demo county (seeded once) and print the console's address and logins.",
        "The county: 3 townships, 10 villages, 100 elders with their households and devices, carers, families,",
        "volunteers, staff and six providers. A later start finds it. Credentials go to",
        "<ANXIN_DATA_DIR>/demo/devices.csv and demo/users.csv, readable by their owner only."})
public final class DemoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    return NodeRunner.run(Map.of(), node -> DemoData.ensure(node).printWelcome(spec.commandLine().getOut()));
  }
}
