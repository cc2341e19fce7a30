package org.anxin.server.demo;

import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.infra.node.Node;
import org.anxin.infra.node.NodeContext;
import org.anxin.server.demo.DemoSeeder.PlannedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The demo's data on a running node: seeded the first time, found afterwards, announced each time. */
public final class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final List<String> SHOWN_ROLES = List.of("admin", "supervisor", "operator", "carer", "family");

  private final String consoleUrl;
  private final Path demoDir;

  private DemoData(String consoleUrl, Path demoDir) {
    this.consoleUrl = consoleUrl;
    this.demoDir = demoDir;
  }

  /**
   * Seeds the demo county unless the database has it already, registers its devices through the
   * {@link DeviceRegistry} (so their secrets are hashed as every device's are) and writes the credentials files;
   * blocking.
   */
  public static DemoData ensure(Node node) {
    NodeContext context = node.context();
    Path demoDir = context.node().dataDir().resolve("demo");
    DemoCounty county = DemoCounty.generate();
    Optional<DemoSeeder.Seeded> seeded = context.database()
        .inTransaction(c -> DemoSeeder.seed(c, county, context.node().timezone()))
        .await();
    if (seeded.isPresent()) {
      List<DemoCredentials.Device> devices = register(new DeviceRegistry(context.database()), seeded.get().devices());
      new DemoCredentials(devices, seeded.get().users()).write(demoDir);
      LOG.info("Demo county seeded: {} elders, {} devices; credentials in {}", county.elderCount(), devices.size(),
          demoDir);
    } else if (!Files.isRegularFile(demoDir.resolve(DemoCredentials.USERS_FILE))) {
      LOG.warn("The demo data is in the database but {} is missing; its secrets exist only hashed, so the first "
          + "demo start's files are needed to log in", demoDir.resolve(DemoCredentials.USERS_FILE));
    } else {
      LOG.info("Demo county found; credentials in {}", demoDir);
    }
    return new DemoData(node.endpoints().http() + "/", demoDir);
  }

  private static List<DemoCredentials.Device> register(DeviceRegistry registry, List<PlannedDevice> planned) {
    List<DemoCredentials.Device> devices = new ArrayList<>();
    for (PlannedDevice p : planned) {
      IssuedSecret issued = registry.add(p.device()).await();
      devices.add(new DemoCredentials.Device(issued.deviceId(), issued.secret(), issued.type().name(), p.elderId()));
    }
    return devices;
  }

  /** Where the console is, one login of each role, and the simulated fleet's line when one runs. */
  public void printWelcome(PrintWriter out, Optional<DemoFleet> fleet) {
    out.println();
    out.println("Anxin demo is running.");
    out.println("  Console:  " + consoleUrl);
    out.println("  Health:   " + consoleUrl + "health");
    out.println("  Logins (all of them in " + demoDir.resolve(DemoCredentials.USERS_FILE) + "):");
    List<DemoCredentials.User> users = DemoCredentials.readUsers(demoDir);
    for (String role : SHOWN_ROLES) {
      users.stream().filter(u -> u.role().equals(role)).findFirst()
          .ifPresent(u -> out.printf("    %-12s %-14s %s%n", u.username(), u.password(), u.role()));
    }
    out.println("  Device credentials for the simulator: " + demoDir.resolve(DemoCredentials.DEVICES_FILE));
    fleet.ifPresent(f -> out.println(f.welcomeLine()));
    out.println("Stop with Ctrl-C (or SIGTERM).");
    out.flush();
  }
}
