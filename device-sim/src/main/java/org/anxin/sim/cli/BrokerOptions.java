package org.anxin.sim.cli;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import org.anxin.sim.fleet.BrokerAddress;
import org.anxin.sim.fleet.LinkOptions;
import picocli.CommandLine.Option;

/** The broker and how devices connect to it; shared by every command. */
public final class BrokerOptions {

  @Option(names = "--broker", paramLabel = "URL", defaultValue = "${env:ANXIN_SIM_BROKER:-tcp://127.0.0.1:1883}",
      description = "Broker as tcp://host:port (default ${DEFAULT-VALUE}; env ANXIN_SIM_BROKER).")
  String broker;

  @Option(names = {"--qos", "--telemetry-qos"}, paramLabel = "Q", defaultValue = "1",
      description = "QoS of telemetry, 0 or 1 (events, status and replies are always 1). Default ${DEFAULT-VALUE}.")
  int telemetryQos;

  public BrokerAddress address() {
    return BrokerAddress.parse(broker);
  }

  public MqttQos qos() {
    return LinkOptions.qos(telemetryQos);
  }

  public LinkOptions linkOptions() {
    return LinkOptions.defaults().withTelemetryQos(qos());
  }
}
