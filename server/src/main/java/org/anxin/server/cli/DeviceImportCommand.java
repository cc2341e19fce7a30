package org.anxin.server.cli;

import org.anxin.infra.devices.DeviceCsv;
import org.anxin.infra.devices.DeviceSecretsFile;
import org.anxin.infra.devices.IssuedSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code device import FILE.csv}: registers every device of the file, or none when any row is wrong, and writes the
 * issued secrets to a CSV readable only by its owner.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Register every device of a CSV file (" + DeviceCsv.HEADER + "), or none if a row is wrong.")
final class DeviceImportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE.csv", description = "Devices to register, header: " + DeviceCsv.HEADER)
  Path file;

  @Option(names = "--secrets", paramLabel = "OUT.csv",
      description = "Where to write the issued secrets (default: FILE-secrets.csv beside FILE); must not exist.")
  Path secretsFile;

  @Override
  public Integer call() {
    Path out = (secretsFile != null ? secretsFile : defaultSecretsFile(file)).toAbsolutePath();
    if (Files.exists(out)) {
      spec.commandLine().getErr().println(out + " already exists; name another with --secrets.");
      return 2;
    }
    return DeviceStore.run(spec, (store, console) -> {
      List<IssuedSecret> issued;
      try (Reader csv = Files.newBufferedReader(file)) {
        issued = store.registry.importCsv(csv).await();
      }
      writeSecrets(out, issued);
      console.println("Registered " + issued.size() + " devices.");
      console.println("Their secrets are in " + out + " (readable only by you); hand it over and delete it.");
      return 0;
    });
  }

  /** The devices are stored by now: if the secrets cannot be written, say what to do rather than lose them quietly. */
  private static void writeSecrets(Path out, List<IssuedSecret> issued) throws IOException {
    try {
      DeviceSecretsFile.write(out, issued);
    } catch (IOException e) {
      throw new IOException("The devices were registered but their secrets could not be written to " + out + " ("
          + e.getMessage() + "); issue new ones with 'device rotate-secret ID'.", e);
    }
  }

  private static Path defaultSecretsFile(Path csv) {
    String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
    return csv.toAbsolutePath().resolveSibling(name + "-secrets.csv");
  }
}
