package org.anxin.sim.pbx;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The simulated AMI speaks Asterisk's manager protocol")
class AmiServerTest {

  private static Vertx vertx;
  private static PbxSimulator pbx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pbx = PbxSimulator.start(vertx, PbxOptions.local(1, "secret")).await();
  }

  @AfterAll
  static void stop() {
    pbx.close().await();
    vertx.close().await();
  }

  /** One manager connection read packet by packet. */
  private static final class Client implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final OutputStream out;

    Client() throws IOException {
      socket = new Socket("127.0.0.1", pbx.amiPort());
      socket.setSoTimeout(5_000);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
    }

    void send(String... lines) throws IOException {
      out.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    AmiMessage read() throws IOException {
      StringBuilder packet = new StringBuilder();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        packet.append(line).append("\r\n");
      }
      return AmiMessage.parse(packet.toString());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  @DisplayName("greets with the banner, refuses actions before login, accepts an MD5 login and echoes ActionIDs")
  void loginAndActions() throws IOException {
    try (Client c = new Client()) {
      assertTrue(c.in.readLine().startsWith("Asterisk Call Manager/"));
      c.send("Action: QueueAdd", "ActionID: a1", "Queue: anxin-12349", "Interface: PJSIP/8001");
      assertEquals("Authentication Required", c.read().get("Message"));
      c.send("Action: Challenge", "ActionID: a2", "AuthType: MD5");
      String challenge = c.read().get("Challenge");
      c.send("Action: Login", "ActionID: a3", "Username: anxin", "AuthType: MD5",
          "Key: " + AmiServer.md5(challenge + "secret"));
      AmiMessage login = c.read();
      assertEquals("Success", login.get("Response"));
      assertEquals("a3", login.get("ActionID"));
      assertEquals("FullyBooted", c.read().get("Event"));
      c.send("Action: QueueAdd", "ActionID: a4", "Queue: anxin-12349", "Interface: PJSIP/8001",
          "MemberName: op1");
      AmiMessage added = c.read();
      AmiMessage event = c.read();
      if (added.get("Event") != null) {
        AmiMessage swap = added;
        added = event;
        event = swap;
      }
      assertEquals("a4", added.get("ActionID"));
      assertEquals("Added interface to queue", added.get("Message"));
      assertEquals("QueueMemberAdded", event.get("Event"));
      assertEquals("op1", event.get("MemberName"));
      c.send("Action: QueueRemove", "ActionID: a5", "Queue: anxin-12349", "Interface: PJSIP/8001");
      AmiMessage removed = c.read();
      assertTrue(removed.get("Event") != null || "Success".equals(removed.get("Response")));
    }
  }

  @Test
  @DisplayName("a wrong secret fails the login and closes the connection")
  void wrongSecret() throws IOException {
    try (Client c = new Client()) {
      c.in.readLine();
      c.send("Action: Login", "ActionID: x", "Username: anxin", "Secret: guess");
      assertEquals("Authentication failed", c.read().get("Message"));
      assertNull(c.in.readLine());
    }
  }
}
