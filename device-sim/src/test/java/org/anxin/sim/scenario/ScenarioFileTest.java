package org.anxin.sim.scenario;

import org.anxin.sim.behaviour.HomeLocator;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.LinkOptions;
import org.anxin.sim.testing.Capture;
import org.anxin.sim.testing.PrivateMosquitto;
import org.anxin.sim.testing.TestDevices;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.anxin.sim.testing.Capture.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A scenario file plays its timeline across devices")
class ScenarioFileTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  @DisplayName("a YAML timeline plays each step on its device at its offset, with its options")
  void yamlTimeline(@TempDir Path dir) throws IOException, InterruptedException {
    List<DeviceCredentials> devices = TestDevices.fleet(2, 1);
    Path file = dir.resolve("training.yaml");
    Files.writeString(file, """
        speed: 1000
        steps:
          - {at: 0s, scenario: sos, device: W-01}
          - {at: 2m, scenario: heart-rate, elder: 2, options: {hr: 39, readings: 2, interval: 10}}
          - {at: 3m, scenario: smoke, device: T-01}
        """);
    try (PrivateMosquitto broker = PrivateMosquitto.start(devices); Capture capture = Capture.on(broker.address())) {
      ScenarioRunner runner = new ScenarioRunner(devices, broker.address(), LinkOptions.defaults(),
          HomeLocator.around(HomeLocator.DEFAULT_CENTRE, 1), ZoneId.of("UTC"), 1, System.out);

      int failed = new Timeline(runner).play(ScenarioFile.read(file));

      assertEquals(0, failed);
      assertEquals("SOS", capture.awaitOne(from("W-01", "event"), WAIT).json().getString("type"));
      capture.await(from("W-02", "telemetry"), 2, WAIT).forEach(r -> assertEquals(39, r.json().getInteger("hr")));
      assertEquals("SMOKE", capture.awaitOne(from("T-01", "event"), WAIT).json().getString("type"));
    }
  }

  @Test
  @DisplayName("a JSON file with an unknown scenario or option is refused before anything is sent")
  void badFilesAreRefused(@TempDir Path dir) throws IOException {
    Path unknownScenario = dir.resolve("a.json");
    Files.writeString(unknownScenario, "{\"steps\":[{\"at\":\"0s\",\"scenario\":\"dance\",\"device\":\"W-01\"}]}");
    Path unknownOption = dir.resolve("b.json");
    Files.writeString(unknownOption,
        "{\"steps\":[{\"scenario\":\"sos\",\"device\":\"W-01\",\"options\":{\"hrr\":1}}]}");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScenarioFile.read(unknownScenario));
    assertTrue(e.getMessage().contains("dance"), e.getMessage());
    ScenarioFile parsed = ScenarioFile.read(unknownOption);
    assertThrows(IllegalArgumentException.class, () -> parsed.optionsOf(parsed.steps().get(0)));
  }

  @Test
  @DisplayName("the training timeline shipped with the simulator reads, scenarios and options included")
  void shippedTraining() {
    ScenarioFile training = ScenarioFile.read(Path.of("scenarios/training.yaml"));

    assertEquals(9, training.steps().size());
    training.steps().forEach(step -> assertEquals(10, training.optionsOf(step).speed()));
    assertEquals(ScenarioName.WANDER, training.steps().get(2).name());
  }

  @Test
  @DisplayName("offsets read as people write them")
  void offsets() {
    assertEquals(Duration.ofMinutes(2), new ScenarioFile.Step("2m", "sos", "W-01", null, null).offset());
    assertEquals(Duration.ofSeconds(90), new ScenarioFile.Step("PT90S", "sos", "W-01", null, null).offset());
    assertThrows(UncheckedIOException.class, () -> ScenarioFile.read(Path.of("/nonexistent.json")));
  }
}
