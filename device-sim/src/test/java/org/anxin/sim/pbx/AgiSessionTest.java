package org.anxin.sim.pbx;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A simulated call's FastAGI session answers commands like Asterisk")
class AgiSessionTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  /** Plays a FastAGI script over a plain socket: sends each command, keeps every reply line. */
  private static CompletableFuture<List<String>> script(ServerSocket server, Map<String, String> env,
                                                        String... commands) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket s = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          env.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 2));
        }
        OutputStream out = s.getOutputStream();
        List<String> replies = new ArrayList<>();
        for (String command : commands) {
          out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
          String reply = in.readLine();
          if ("HANGUP".equals(reply)) {
            replies.add(reply);
            reply = in.readLine();
          }
          replies.add(reply);
        }
        return replies;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  @DisplayName("sends the agi_ environment, answers with 200 result=, presses keys, then hangs up with 511s")
  void session() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Map<String, String> env = new HashMap<>();
      CompletableFuture<List<String>> replies = script(server, env, "ANSWER", "SET VARIABLE \"A B\" \"x y\"",
          "GET VARIABLE \"A B\"", "GET DATA \"anxin/menu\" 5000 1", "STREAM FILE \"anxin/x\" \"\"",
          "WAIT FOR DIGIT 3000", "SAY DIGITS \"42\" \"\"", "NOPE", "GET DATA \"anxin/menu\" 5000 1",
          "ANSWER");
      AgiSession.Channel channel = new AgiSession.Channel("1.1", "PJSIP/t-1", "13800001111", "", "anxin-12349",
          "12349", Map.of());
      NetClient client = vertx.createNetClient();
      AgiOutcome outcome = new AgiSession(vertx, channel, CallScript.ivr("13800001111", "3", "", "7H"), 0)
          .run(client, "127.0.0.1", server.getLocalPort())
          .toCompletionStage().toCompletableFuture().get();
      client.close().await();
      assertEquals(List.of("200 result=0", "200 result=1", "200 result=1 (x y)", "200 result=3",
          "200 result=0 endpos=16000", "200 result=0", "200 result=0", "510 Invalid or unknown command",
          "200 result=7", "HANGUP",
          "511 Command Not Permitted on a dead channel or intercepted by dialplan"), replies.get());
      assertEquals("ivr", env.get("agi_network_script"));
      assertEquals("1.1", env.get("agi_uniqueid"));
      assertEquals("13800001111", env.get("agi_callerid"));
      assertEquals(List.of("42"), outcome.said());
      assertEquals("x y", outcome.variable("A B"));
      assertTrue(outcome.hungUp());
    }
  }

  @Test
  @DisplayName("splits a command line into its verb and its quoted arguments")
  void parse() {
    AgiCommandLine c = AgiCommandLine.parse("SET VARIABLE \"NAME\" \"a \\\"quoted\\\" value\"");
    assertEquals("SET VARIABLE", c.verb());
    assertEquals(List.of("NAME", "a \"quoted\" value"), c.args());
    assertEquals("WAIT FOR DIGIT", AgiCommandLine.parse("WAIT FOR DIGIT 5000").verb());
    assertEquals("GET FULL VARIABLE", AgiCommandLine.parse("GET FULL VARIABLE \"${X}\"").verb());
  }
}
