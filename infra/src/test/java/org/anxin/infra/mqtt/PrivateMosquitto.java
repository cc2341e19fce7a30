package org.anxin.infra.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own, configured from {@code infra/deploy/mosquitto/}: the deployment's file with the TLS
 * listener left out, the loopback listener moved to a free port, and every path moved into a temporary folder.
 */
public final class PrivateMosquitto implements AutoCloseable {

  private static final Path DEPLOY = Path.of("deploy/mosquitto");
  private static final Set<String> TLS_OPTIONS = Set.of("certfile", "keyfile", "cafile", "capath", "tls_version");

  private final Process process;
  private final int port;

  private PrivateMosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Mosquitto with {@code passwordFile} and the deployment's ACL; returns once it accepts connections. */
  public static PrivateMosquitto start(Path dir, Path passwordFile) throws IOException, InterruptedException {
    int port = BrokerFixture.freePort();
    Path acl = Files.copy(DEPLOY.resolve("acl"), dir.resolve("acl"));
    Path conf = dir.resolve("mosquitto.conf");
    Files.write(conf, derive(Files.readAllLines(DEPLOY.resolve("mosquitto.conf")), port, dir, passwordFile, acl));
    Process process = new ProcessBuilder("mosquitto", "-c", conf.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("mosquitto.log").toFile())
        .start();
    PrivateMosquitto mosquitto = new PrivateMosquitto(process, port);
    mosquitto.awaitListening(dir.resolve("mosquitto.log"));
    return mosquitto;
  }

  static List<String> derive(List<String> deployment, int port, Path dir, Path passwordFile, Path acl) {
    List<String> lines = new ArrayList<>();
    for (String line : deployment) {
      String option = line.isBlank() || line.startsWith("#") ? "" : line.split("\\s+")[0];
      if (TLS_OPTIONS.contains(option) || line.startsWith("listener 8883") || option.equals("log_dest")) {
        continue;
      }
      lines.add(switch (option) {
        case "listener" -> "listener " + port + " 127.0.0.1";
        case "password_file" -> "password_file " + passwordFile;
        case "acl_file" -> "acl_file " + acl;
        case "persistence_location" -> "persistence_location " + dir + "/";
        default -> line;
      });
    }
    // The test runs as root; Mosquitto would otherwise switch to its own user, who cannot read the test's files.
    lines.add("user root");
    lines.add("log_dest stderr");
    return lines;
  }

  private void awaitListening(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
      }
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        process.waitFor(50, TimeUnit.MILLISECONDS);
      }
    }
    throw new IllegalStateException("mosquitto did not listen within 10 s: " + Files.readString(log));
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
