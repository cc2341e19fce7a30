package org.anxin.server;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("anxin-server --help")
class HelpTest {

  @Test
  @DisplayName("lists the serve, migrate and demo subcommands")
  void listsSubcommands() {
    // GIVEN the command line, WHEN asked for help
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    int status = cli.execute("--help");
    // THEN it succeeds and names every subcommand
    assertEquals(0, status);
    for (String sub : new String[] {"serve", "migrate", "demo"}) {
      assertTrue(out.toString().contains(sub), out.toString());
    }
  }
}
