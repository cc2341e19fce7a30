package org.anxin.server.cli;

import org.anxin.infra.devices.DeviceType;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.infra.devices.NewDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code device add ID --type ...}: registers one device and prints its secret, the only time it is shown. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Register one device and print its secret.")
final class DeviceAddCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Device id: 3 to 64 letters, digits, '_' or '-'.")
  String id;

  @Option(names = "--type", required = true, description = "WRISTBAND or HOME_TERMINAL.")
  DeviceType type;

  @Option(names = "--model", description = "The maker's model name.")
  String model;

  @Option(names = "--elder", paramLabel = "ELDER_ID", description = "The elder who wears this wristband.")
  Long elderId;

  @Option(names = "--household", paramLabel = "HOUSEHOLD_ID", description = "The household of this home terminal.")
  Long householdId;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "60",
      description = "Reporting interval in seconds (default: ${DEFAULT-VALUE}).")
  int intervalS;

  @Override
  public Integer call() {
    NewDevice device = new NewDevice(id, type, model, elderId, householdId, intervalS);
    return DeviceStore.run(spec, (store, out) -> {
      IssuedSecret issued = store.registry.add(device).await();
      out.println("Registered " + issued.deviceId() + " (" + issued.type() + ").");
      out.println("Secret, shown only now and stored only as a hash: " + issued.secret());
      return 0;
    });
  }
}
