package org.anxin.sim.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.anxin.sim.cli.DurationConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A timeline of scenarios across devices, for training and end-to-end tests, in JSON or YAML (by the file's
 * extension):
 * <pre>
 * speed: 10
 * steps:
 *   - {at: 0s, scenario: sos, device: W-0001}
 *   - {at: 2m, scenario: wander, elder: 3, options: {radius: 300}}
 * </pre>
 * {@code at} is the offset from the start in scenario time (divided by {@code speed} in real time).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ScenarioFile(Double speed, List<Step> steps) {

  /** One scenario of the timeline. */
  public record Step(String at, String scenario, String device, Long elder, Map<String, Object> options) {

    public Duration offset() {
      return at == null ? Duration.ZERO : DurationConverter.parse(at);
    }

    public ScenarioName name() {
      return ScenarioName.parse(scenario);
    }
  }

  public static ScenarioFile read(Path file) {
    String name = file.getFileName().toString().toLowerCase();
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
        ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      ScenarioFile parsed = mapper.readValue(file.toFile(), ScenarioFile.class);
      if (parsed.steps() == null || parsed.steps().isEmpty()) {
        throw new IllegalArgumentException(file + " has no steps");
      }
      parsed.steps().forEach(Step::name);
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scenario file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A step's options over the defaults, at the file's speed; a new instance each time. */
  public ScenarioOptions optionsOf(Step step) {
    ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    ScenarioOptions options = step.options() == null ? new ScenarioOptions()
        : mapper.convertValue(step.options(), ScenarioOptions.class);
    return options.atSpeed(speed == null ? 1 : speed);
  }
}
