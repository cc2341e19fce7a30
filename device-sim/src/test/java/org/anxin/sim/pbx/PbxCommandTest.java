package org.anxin.sim.pbx;

import org.anxin.sim.SimMain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("anxin-sim pbx on the command line")
class PbxCommandTest {

  @Test
  @DisplayName("refuses to start without an AMI secret")
  void needsSecret() {
    assertEquals(2, SimMain.commandLine().execute("pbx", "--ami-secret", ""));
  }

  @Test
  @DisplayName("places the calls asked for against a FastAGI server and prints their latencies")
  void placesCalls() throws Exception {
    try (ServerSocket agi = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> server = CompletableFuture.runAsync(() -> answerAndHangUp(agi, 5));
      StringWriter out = new StringWriter();
      int code = SimMain.commandLine().setOut(new PrintWriter(out)).execute("pbx", "--ami-secret", "s",
          "--ami-port", "0", "--agi", "127.0.0.1:" + agi.getLocalPort(), "--calls", "5", "--concurrency", "2",
          "--prompt-ms", "0", "--ramp-ms", "0");
      server.get();
      assertEquals(0, code);
      assertTrue(out.toString().contains("calls 5 (failed 0)"), out.toString());
      assertTrue(out.toString().contains("AGI round trip ms"), out.toString());
    }
  }

  /** A FastAGI server whose script answers, then hangs up. */
  private static void answerAndHangUp(ServerSocket agi, int calls) {
    for (int i = 0; i < calls; i++) {
      try (Socket s = agi.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          assertTrue(line.startsWith("agi_"));
        }
        s.getOutputStream().write("ANSWER\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(in.readLine().startsWith("200 result="));
        s.getOutputStream().write("HANGUP\n".getBytes(StandardCharsets.UTF_8));
        in.readLine();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
