package org.anxin.sim.scenario;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import picocli.CommandLine.Option;

/**
 * The knobs of the scenarios, filled from the command line ({@code scenario NAME --radius 300}) or from the
 * {@code options} of a step in a scenario file ({@code {"radius": 300}}); each scenario reads the ones it needs.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class ScenarioOptions {

  @Option(names = "--speed", paramLabel = "X", description = "Play X times faster than real time. Default 1.")
  double speed = 1;

  @Option(names = "--interval", paramLabel = "S", description = "Seconds between readings. Default 30.")
  int interval = 30;

  @Option(names = "--readings", paramLabel = "N",
      description = "Readings sent by heart-rate, low-battery and strap-off. Default 5.")
  int readings = 5;

  @Option(names = "--centre", paramLabel = "LAT,LON", description = "wander: safe-zone centre; default home.")
  String centre;

  @Option(names = "--radius", paramLabel = "M", description = "wander: safe-zone radius in metres. Default 500.")
  double radius = 500;

  @Option(names = "--beyond", paramLabel = "M",
      description = "wander: how far past the zone's edge the walk goes, metres. Default 1000.")
  double beyond = 1000;

  @Option(names = "--hr", paramLabel = "BPM", description = "heart-rate: the reading sent. Default 142.")
  int hr = 142;

  @Option(names = "--silence", paramLabel = "MIN",
      description = "inactivity: minutes of motion=false heartbeats. Default 60.")
  int silence = 60;

  @Option(names = "--cycles", paramLabel = "N", description = "flapping: online/offline cycles. Default 5.")
  int cycles = 5;

  @Option(names = "--up", paramLabel = "S",
      description = "flapping: seconds online (and offline) per cycle. Default 3.")
  int up = 3;

  @Option(names = "--at-local", paramLabel = "HH:MM|auto",
      description = "night-door: local time the door opens; auto = now at night, else the last 02:30. Default auto.")
  String atLocal = "auto";

  public double speed() {
    return speed;
  }

  /** Plays at another speed: a file's steps share the file's. */
  public ScenarioOptions atSpeed(double newSpeed) {
    speed = newSpeed;
    return this;
  }
}
