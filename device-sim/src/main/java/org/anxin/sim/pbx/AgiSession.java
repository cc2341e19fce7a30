package org.anxin.sim.pbx;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One channel's FastAGI session, played the way Asterisk plays it: connect, send the {@code agi_*} environment and
 * a blank line, then answer each command line with {@code 200 result=…}. When the caller hangs up, Asterisk sends
 * {@code HANGUP} and answers every later command with 511 until the script closes the connection.
 */
final class AgiSession {

  /** The channel a session runs on: its identity and the variables it starts with. */
  record Channel(String uniqueId, String name, String callerId, String callerName, String context, String extension,
                 Map<String, String> variables) {
  }

  private static final String DEAD = "511 Command Not Permitted on a dead channel or intercepted by dialplan\n";

  private final Vertx vertx;
  private final Channel channel;
  private final CallScript script;
  private final long promptMs;
  private final List<String> commands = new ArrayList<>();
  private final List<String> said = new ArrayList<>();
  private final List<Long> roundTrips = new ArrayList<>();
  private final Map<String, String> variables;
  private final Promise<AgiOutcome> outcome = Promise.promise();
  private int nextKey;
  private boolean hungUp;
  private long lastWrite;
  private NetSocket socket;

  AgiSession(Vertx vertx, Channel channel, CallScript script, long promptMs) {
    this.vertx = vertx;
    this.channel = channel;
    this.script = script;
    this.promptMs = promptMs;
    this.variables = new LinkedHashMap<>(channel.variables());
  }

  /** Connects to the FastAGI server and plays the session; completes when the server closes the connection. */
  Future<AgiOutcome> run(NetClient client, String host, int port) {
    client.connect(port, host).onSuccess(s -> start(s, host, port)).onFailure(outcome::fail);
    return outcome.future();
  }

  private void start(NetSocket s, String host, int port) {
    socket = s;
    RecordParser lines = RecordParser.newDelimited("\n", this::onCommand);
    socket.handler(lines);
    socket.closeHandler(v -> outcome.tryComplete(new AgiOutcome(List.copyOf(commands), Map.copyOf(variables),
        List.copyOf(said), hungUp, List.copyOf(roundTrips))));
    write(environment(host, port));
  }

  private String environment(String host, int port) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("agi_network", "yes");
    env.put("agi_network_script", script.script());
    env.put("agi_request", "agi://" + host + ":" + port + "/" + script.script());
    env.put("agi_channel", channel.name());
    env.put("agi_language", "zh");
    env.put("agi_type", "PJSIP");
    env.put("agi_uniqueid", channel.uniqueId());
    env.put("agi_version", AmiServer.ASTERISK_VERSION);
    env.put("agi_callerid", channel.callerId());
    env.put("agi_calleridname", channel.callerName());
    env.put("agi_callingpres", "0");
    env.put("agi_callingani2", "0");
    env.put("agi_callington", "0");
    env.put("agi_callingtns", "0");
    env.put("agi_dnid", channel.extension());
    env.put("agi_rdnis", "unknown");
    env.put("agi_context", channel.context());
    env.put("agi_extension", channel.extension());
    env.put("agi_priority", "2");
    env.put("agi_enhanced", "0.0");
    env.put("agi_accountcode", "");
    env.put("agi_threadid", String.valueOf(Thread.currentThread().getId()));
    StringBuilder out = new StringBuilder();
    env.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    return out.append('\n').toString();
  }

  private void onCommand(Buffer buffer) {
    roundTrips.add(System.nanoTime() - lastWrite);
    String line = buffer.toString().replace("\r", "");
    commands.add(line);
    if (hungUp) {
      write(DEAD);
      return;
    }
    AgiCommandLine command = AgiCommandLine.parse(line);
    switch (command.verb()) {
      case "GET DATA" -> prompt(() -> keyReply(nextKey(), "200 result=%s", "200 result= (timeout)"));
      case "WAIT FOR DIGIT" -> prompt(() -> keyReply(nextKey(), "200 result=%d", "200 result=0"));
      case "STREAM FILE", "GET OPTION", "CONTROL STREAM FILE" -> prompt(() -> command.arg(1, "").isEmpty()
          ? "200 result=0 endpos=16000" : keyReply(nextKey(), "200 result=%d endpos=8000",
          "200 result=0 endpos=16000"));
      case "SAY DIGITS", "SAY NUMBER" -> {
        said.add(command.arg(0, ""));
        prompt(() -> "200 result=0");
      }
      default -> write(immediate(command) + "\n");
    }
  }

  private String immediate(AgiCommandLine command) {
    return switch (command.verb()) {
      case "ANSWER", "EXEC" -> "200 result=0";
      case "SET VARIABLE" -> {
        variables.put(command.arg(0, ""), command.arg(1, ""));
        yield "200 result=1";
      }
      case "GET VARIABLE" -> variables.containsKey(command.arg(0, ""))
          ? "200 result=1 (" + variables.get(command.arg(0, "")) + ")" : "200 result=0";
      case "GET FULL VARIABLE" -> {
        String name = command.arg(0, "").replaceAll("^\\$\\{(.*)}$", "$1");
        yield variables.containsKey(name) ? "200 result=1 (" + variables.get(name) + ")" : "200 result=0";
      }
      case "HANGUP" -> {
        hungUp = true;
        yield "200 result=1";
      }
      case "CHANNEL STATUS" -> "200 result=6";
      case "VERBOSE", "NOOP", "SET MUSIC", "SET CALLERID", "SET CONTEXT", "SET EXTENSION", "SET PRIORITY",
           "SET AUTOHANGUP" -> "200 result=1";
      default -> "510 Invalid or unknown command";
    };
  }

  /** A media command: answered after the simulated prompt time, unless the caller hangs up during it. */
  private void prompt(java.util.function.Supplier<String> reply) {
    if (promptMs <= 0) {
      answerPrompt(reply);
    } else {
      vertx.setTimer(promptMs, t -> answerPrompt(reply));
    }
  }

  private void answerPrompt(java.util.function.Supplier<String> reply) {
    String answer = reply.get();
    if (answer == null) {
      hangUp(DEAD);
      return;
    }
    boolean hangUpAfter = answer.endsWith("H");
    String line = hangUpAfter ? answer.substring(0, answer.length() - 1) : answer;
    write(line + "\n");
    if (hangUpAfter) {
      hangUp("");
    }
  }

  /** The reply for a key entry: null when the caller hangs up instead, an {@code H} suffix to hang up after it. */
  private static String keyReply(String key, String pressedFormat, String silence) {
    if (key.equals("H")) {
      return null;
    }
    boolean thenHangUp = key.endsWith("H");
    String digits = thenHangUp ? key.substring(0, key.length() - 1) : key;
    String reply = digits.isEmpty() ? silence : pressedFormat.contains("%d")
        ? String.format(pressedFormat, (int) digits.charAt(0)) : String.format(pressedFormat, digits);
    return thenHangUp ? reply + "H" : reply;
  }

  private String nextKey() {
    return nextKey < script.keys().size() ? script.keys().get(nextKey++) : "";
  }

  private void hangUp(String pendingReply) {
    hungUp = true;
    write("HANGUP\n" + pendingReply);
  }

  private void write(String text) {
    lastWrite = System.nanoTime();
    socket.write(text);
  }

  /** The caller hangs up now (e.g. while the script waits on the platform). */
  void hangUpNow() {
    if (!hungUp && socket != null) {
      hangUp("");
    }
  }

  Map<String, String> variablesNow() {
    return new HashMap<>(variables);
  }
}
