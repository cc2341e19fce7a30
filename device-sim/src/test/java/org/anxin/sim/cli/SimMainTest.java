package org.anxin.sim.cli;

import org.anxin.sim.SimMain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Every command of the simulator explains itself with --help")
class SimMainTest {

  @Test
  @DisplayName("--help works on every command and subcommand and names its options")
  void helpEverywhere() {
    for (List<String> command : List.<List<String>>of(List.of(), List.of("fleet"), List.of("scenario"), List.of("bad"),
        List.of("bench"), List.of("bench", "ingest"), List.of("bench", "alarm"))) {
      StringWriter out = new StringWriter();
      CommandLine cli = SimMain.commandLine();
      cli.setOut(new PrintWriter(out));
      List<String> args = new java.util.ArrayList<>(command);
      args.add("--help");

      int exit = cli.execute(args.toArray(String[]::new));

      assertEquals(0, exit, String.join(" ", args));
      assertTrue(out.toString().contains("Usage: anxin-sim"), out.toString());
    }
  }

  @Test
  @DisplayName("durations read as people write them")
  void durations() {
    assertEquals(java.time.Duration.ofSeconds(90), DurationConverter.parse("90s"));
    assertEquals(java.time.Duration.ofMinutes(5), DurationConverter.parse("5m"));
    assertEquals(java.time.Duration.ofMillis(250), DurationConverter.parse("250ms"));
  }
}
