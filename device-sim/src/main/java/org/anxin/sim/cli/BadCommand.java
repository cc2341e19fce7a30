package org.anxin.sim.cli;

import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.scenario.BadDevice;
import org.anxin.sim.scenario.BadKind;
import org.anxin.sim.scenario.ScenarioContext;
import org.anxin.sim.scenario.ScenarioOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code bad}: a misbehaving device, to test what the gateway rejects. */
@Command(name = "bad", mixinStandardHelpOptions = true,
    description = {"Send what a broken or hostile device would, and print the broker's answer to each message.",
        "Kinds: malformed-json, wrong-types, out-of-range, future-timestamp, oversized, replay, foreign-topic."})
public final class BadCommand implements Callable<Integer> {

  @Mixin
  BrokerOptions broker;

  @Mixin
  DevicesOptions devices;

  @Parameters(index = "0", paramLabel = "KIND", description = "What to do wrong.")
  String kind;

  @Option(names = "--device", required = true, paramLabel = "ID", description = "The device that misbehaves.")
  String deviceId;

  @Option(names = "--target", paramLabel = "ID", defaultValue = "someone-else",
      description = "foreign-topic: the device whose topic is abused. Default ${DEFAULT-VALUE}.")
  String target;

  @Override
  public Integer call() {
    List<DeviceCredentials> all = devices.devices();
    DeviceCredentials device = all.stream().filter(d -> d.deviceId().equals(deviceId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("device " + deviceId + " is not in the devices file"));
    ScenarioContext ctx = new ScenarioContext(device, broker.address(), broker.linkOptions(), new ScenarioOptions(),
        devices.homes().homeOf(device.deviceId(), device.elderId()), SimEnvironment.zone(), devices.seed(),
        System.out);
    for (BadDevice.Outcome o : new BadDevice(ctx, target).play(BadKind.parse(kind))) {
      System.out.printf("%-40s %-14s %s%n", o.topic(), o.answer(), o.payload());
    }
    return 0;
  }
}
