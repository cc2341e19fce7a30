package org.anxin.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code device}: registers devices and manages their broker credentials, on the database the node would use
 * ({@code ANXIN_DB_URL}, or the embedded PostgreSQL in the data folder when it is unset).
 */
@Command(name = "device", mixinStandardHelpOptions = true,
    description = "Register devices, rotate their secrets and export their logins for Mosquitto.",
    subcommands = {DeviceAddCommand.class, DeviceImportCommand.class, DeviceRotateSecretCommand.class,
        DeviceExportMosquittoCommand.class})
public final class DeviceCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Name what to do: add, import, rotate-secret or export-mosquitto.");
  }
}
