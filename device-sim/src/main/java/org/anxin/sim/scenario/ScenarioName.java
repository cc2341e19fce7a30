package org.anxin.sim.scenario;

import org.anxin.sim.fleet.DeviceType;

import java.util.Arrays;
import java.util.Locale;

/**
 * The scenarios by their command-line names, each with the kind of device that plays it when an elder is named
 * instead of a device ({@code null}: either, a wristband first).
 */
public enum ScenarioName {
  SOS(null, EventScenarios::sos),
  FALL(DeviceType.WRISTBAND, EventScenarios::fall),
  WANDER(DeviceType.WRISTBAND, WanderScenario::play),
  INACTIVITY(DeviceType.HOME_TERMINAL, ReadingScenarios::inactivity),
  NIGHT_DOOR(DeviceType.HOME_TERMINAL, EventScenarios::nightDoor),
  SMOKE(DeviceType.HOME_TERMINAL, EventScenarios::smoke),
  GAS(DeviceType.HOME_TERMINAL, EventScenarios::gas),
  WATER_LEAK(DeviceType.HOME_TERMINAL, EventScenarios::waterLeak),
  HEART_RATE(DeviceType.WRISTBAND, ReadingScenarios::heartRate),
  LOW_BATTERY(DeviceType.WRISTBAND, ReadingScenarios::lowBattery),
  STRAP_OFF(DeviceType.WRISTBAND, ReadingScenarios::strapOff),
  OFFLINE(null, ConnectionScenarios::offline),
  FLAPPING(null, ConnectionScenarios::flapping);

  private final DeviceType playedBy;
  private final Scenario scenario;

  ScenarioName(DeviceType playedBy, Scenario scenario) {
    this.playedBy = playedBy;
    this.scenario = scenario;
  }

  /** {@code night-door} for {@code NIGHT_DOOR}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ScenarioName parse(String name) {
    return Arrays.stream(values()).filter(s -> s.cliName().equalsIgnoreCase(name.strip())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no scenario '" + name + "'; there are "
            + String.join(", ", Arrays.stream(values()).map(ScenarioName::cliName).toList())));
  }

  public DeviceType playedBy() {
    return playedBy;
  }

  public Scenario scenario() {
    return scenario;
  }
}
