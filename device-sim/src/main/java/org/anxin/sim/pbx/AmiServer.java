package org.anxin.sim.pbx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Asterisk's manager interface as a TCP server: the {@code Asterisk Call Manager/…} banner, Challenge and Login
 * (plain secret or MD5 key), CoreSettings and {@code core show version} for clients that ask which Asterisk this is,
 * Ping, Logoff; every other action goes to the PBX. Events go to every logged-in session.
 */
public final class AmiServer {

  static final String ASTERISK_VERSION = "18.20.0";
  static final String BANNER = "Asterisk Call Manager/5.0.1\r\n";

  private final Vertx vertx;
  private final String user;
  private final String secret;
  private final Function<AmiMessage, AmiMessage> actions;
  private final Set<NetSocket> sessions = ConcurrentHashMap.newKeySet();
  private NetServer server;

  AmiServer(Vertx vertx, String user, String secret, Function<AmiMessage, AmiMessage> actions) {
    this.vertx = vertx;
    this.user = user;
    this.secret = secret;
    this.actions = actions;
  }

  Future<Integer> listen(String host, int port) {
    server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port));
    server.connectHandler(this::accept);
    return server.listen().map(NetServer::actualPort);
  }

  /** Sends an event to every logged-in session. */
  void broadcast(AmiMessage event) {
    String packet = event.add("Privilege", "call,all").encode();
    sessions.forEach(s -> s.write(packet));
  }

  /** Cuts every manager connection, as a restart or a network fault would; the server keeps listening. */
  void dropSessions() {
    sessions.forEach(NetSocket::close);
    sessions.clear();
  }

  int loggedIn() {
    return sessions.size();
  }

  Future<Void> close() {
    dropSessions();
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void accept(NetSocket socket) {
    String challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    boolean[] authenticated = {false};
    socket.write(BANNER);
    socket.handler(RecordParser.newDelimited("\r\n\r\n", packet -> {
      AmiMessage action = AmiMessage.parse(packet.toString(StandardCharsets.UTF_8));
      String name = action.get("Action", "").toLowerCase();
      String id = action.get("ActionID");
      if (name.equals("login")) {
        authenticated[0] = login(socket, action, challenge, id);
      } else if (name.equals("challenge")) {
        socket.write(AmiMessage.response("Success", id).add("Challenge", challenge).encode());
      } else if (!authenticated[0]) {
        socket.write(AmiMessage.response("Error", id).add("Message", "Authentication Required").encode());
      } else {
        socket.write(answer(name, action, id).encode());
        if (name.equals("logoff")) {
          sessions.remove(socket);
          socket.close();
        }
      }
    }));
    socket.closeHandler(v -> sessions.remove(socket));
  }

  private boolean login(NetSocket socket, AmiMessage action, String challenge, String id) {
    boolean userOk = user.equals(action.get("Username"));
    boolean secretOk = "md5".equalsIgnoreCase(action.get("AuthType"))
        ? md5(challenge + secret).equalsIgnoreCase(action.get("Key", "")) : secret.equals(action.get("Secret"));
    if (!userOk || !secretOk) {
      socket.write(AmiMessage.response("Error", id).add("Message", "Authentication failed").encode());
      vertx.setTimer(50, t -> socket.close());
      return false;
    }
    socket.write(AmiMessage.response("Success", id).add("Message", "Authentication accepted").encode());
    sessions.add(socket);
    socket.write(AmiMessage.event("FullyBooted").add("Privilege", "system,all").add("Uptime", 1)
        .add("LastReload", 1).add("Status", "Fully Booted").encode());
    return true;
  }

  private AmiMessage answer(String name, AmiMessage action, String id) {
    return switch (name) {
      case "ping" -> AmiMessage.response("Success", id).add("Ping", "Pong")
          .add("Timestamp", System.currentTimeMillis() / 1000.0);
      case "logoff" -> AmiMessage.response("Goodbye", id).add("Message", "Thanks for all the fish.");
      case "coresettings" -> AmiMessage.response("Success", id).add("AMIversion", "5.0.1")
          .add("AsteriskVersion", ASTERISK_VERSION).add("SystemName", "").add("CoreMaxCalls", 0)
          .add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "asterisk").add("CoreRunGroup", "asterisk")
          .add("CoreMaxFilehandles", 0).add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "No")
          .add("CoreHTTPenabled", "No");
      case "command" -> AmiMessage.response("Success", id).add("Message", "Command output follows")
          .add("Output", "Asterisk " + ASTERISK_VERSION + " built by anxin-sim on a x86_64 running Linux");
      case "events" -> AmiMessage.response("Success", id).add("Events", "On");
      default -> actions.apply(action);
    };
  }

  static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
