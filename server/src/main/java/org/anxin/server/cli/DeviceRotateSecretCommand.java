package org.anxin.server.cli;

import org.anxin.infra.devices.IssuedSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code device rotate-secret ID}: issues a new secret; the old one stops working. */
@Command(name = "rotate-secret", mixinStandardHelpOptions = true,
    description = "Issue a new secret to a device; the old one stops working.")
final class DeviceRotateSecretCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The device's id.")
  String id;

  @Override
  public Integer call() {
    return DeviceStore.run(spec, (store, out) -> {
      IssuedSecret issued = store.registry.rotateSecret(id).await();
      out.println("New secret for " + issued.deviceId() + ", shown only now: " + issued.secret());
      out.println("The old secret is refused from the device's next connection (the embedded broker within 10 s; "
          + "a Mosquitto once its password file is exported again and reloaded).");
      return 0;
    });
  }
}
