package org.anxin.sim.cli;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.vertx.core.json.JsonObject;
import org.anxin.sim.fleet.BrokerAddress;
import org.anxin.sim.fleet.LinkOptions;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The broker and how devices connect to it; shared by every command. */
public final class BrokerOptions {

  static final String DEFAULT_BROKER = "tcp://127.0.0.1:1883";

  @Option(names = "--broker", paramLabel = "URL", defaultValue = "${env:ANXIN_SIM_BROKER}",
      description = "Broker as tcp://host:port (env ANXIN_SIM_BROKER). Default: the \"mqtt\" address in "
          + "$ANXIN_DATA_DIR/endpoints.json (./data) of a running node, else " + DEFAULT_BROKER + ".")
  String broker;

  @Option(names = {"--qos", "--telemetry-qos"}, paramLabel = "Q", defaultValue = "1",
      description = "QoS of telemetry, 0 or 1 (events, status and replies are always 1). Default ${DEFAULT-VALUE}.")
  int telemetryQos;

  public BrokerAddress address() {
    return BrokerAddress.parse(broker != null ? broker : fromEndpoints());
  }

  /** A node writes the addresses it listens on to endpoints.json, the broker's port too when it had to pick one. */
  private static String fromEndpoints() {
    Path file = Path.of(System.getenv().getOrDefault("ANXIN_DATA_DIR", "data"), "endpoints.json");
    if (!Files.isRegularFile(file)) {
      return DEFAULT_BROKER;
    }
    try {
      return new JsonObject(Files.readString(file)).getString("mqtt", DEFAULT_BROKER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public MqttQos qos() {
    return LinkOptions.qos(telemetryQos);
  }

  public LinkOptions linkOptions() {
    return LinkOptions.defaults().withTelemetryQos(qos());
  }
}
