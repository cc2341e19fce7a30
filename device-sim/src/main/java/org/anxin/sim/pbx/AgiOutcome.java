package org.anxin.sim.pbx;

import java.util.List;
import java.util.Map;

/**
 * How one AGI session went, as the simulated Asterisk saw it.
 *
 * @param commands every command line received, in order
 * @param variables the channel variables after the script (those the call started with and those it set)
 * @param said what was read out by SAY DIGITS / SAY NUMBER
 * @param hungUp whether the caller or the script hung up the channel
 * @param roundTripsNanos for each command: from the simulator's previous write to the command's arrival
 */
public record AgiOutcome(List<String> commands, Map<String, String> variables, List<String> said, boolean hungUp,
                         List<Long> roundTripsNanos) {

  public String variable(String name) {
    return variables.get(name);
  }

  /** Whether the script asked for this prompt (by sound-file name). */
  public boolean played(String prompt) {
    return commands.stream().anyMatch(c -> c.contains("\"" + prompt + "\""));
  }
}
