package org.anxin.server.cli;

import org.anxin.infra.devices.MosquittoPasswordFile;
import org.anxin.infra.mqtt.MqttOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code device export-mosquitto DIR}: writes {@code DIR/passwd} for Mosquitto from the stored Mosquitto hashes of
 * every enabled device, plus the platform's account when {@code ANXIN_MQTT_PASSWORD} is set.
 */
@Command(name = "export-mosquitto", mixinStandardHelpOptions = true,
    description = "Write a Mosquitto password file (DIR/passwd) with every enabled device's login.")
final class DeviceExportMosquittoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Folder for the password file, e.g. /etc/mosquitto/anxin.")
  Path dir;

  @Override
  public Integer call() {
    return DeviceStore.run(spec, (store, out) -> {
      MqttOptions mqtt = MqttOptions.from(store.settings);
      Map<String, String> hashes = store.registry.brokerHashes().await();
      String platformUser = mqtt.password() == null ? null : mqtt.user();
      Path file = MosquittoPasswordFile.write(dir, hashes, platformUser, mqtt.password());
      out.println("Wrote " + hashes.size() + " device logins to " + file.toAbsolutePath()
          + (platformUser == null ? "; " + MqttOptions.PASSWORD + " is unset, so add the platform's own account with "
              + "mosquitto_passwd" : ", with the platform's account " + platformUser) + ".");
      out.println("Make it readable by the mosquitto user and reload Mosquitto (kill -HUP) to apply it.");
      return 0;
    });
  }
}
