package org.anxin.infra.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own on a free loopback port, its files in a temporary folder, stopped on close: either
 * configured from {@code infra/deploy/mosquitto/} (the deployment's file with the TLS listener left out), or
 * anonymous for tests of what the platform does with the messages rather than of who may send them.
 */
public final class PrivateMosquitto implements AutoCloseable {

  /** The deployment's folder, from infra's own tests or from a sibling module's (Maven runs each in its module). */
  private static final Path DEPLOY = Files.isDirectory(Path.of("deploy/mosquitto"))
      ? Path.of("deploy/mosquitto") : Path.of("../infra/deploy/mosquitto");
  private static final Set<String> TLS_OPTIONS = Set.of("certfile", "keyfile", "cafile", "capath", "tls_version");

  private final Process process;
  private final int port;

  private PrivateMosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Mosquitto with {@code passwordFile} and the deployment's ACL; returns once it accepts connections. */
  public static PrivateMosquitto start(Path dir, Path passwordFile) {
    int port = BrokerFixture.freePort();
    try {
      Path acl = Files.copy(DEPLOY.resolve("acl"), dir.resolve("acl"));
      return launch(dir, port, derive(Files.readAllLines(DEPLOY.resolve("mosquitto.conf")), port, dir, passwordFile,
          acl));
    } catch (IOException e) {
      throw new UncheckedIOException("mosquitto's deployment files could not be read", e);
    }
  }

  /**
   * Starts a Mosquitto that lets anyone in, with no cap on a persistent session's queue or on messages in flight (so
   * an outage of a subscriber loses nothing); returns once it accepts connections.
   */
  public static PrivateMosquitto anonymous(Path dir) {
    int port = BrokerFixture.freePort();
    return launch(dir, port, List.of(
        "listener " + port + " 127.0.0.1",
        "allow_anonymous true",
        "persistence false",
        "max_queued_messages 0",
        "max_inflight_messages 0",
        "set_tcp_nodelay true",
        "log_dest stderr",
        "log_type error",
        "log_type warning"));
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

  private static PrivateMosquitto launch(Path dir, int port, List<String> configuration) {
    Path conf = dir.resolve("mosquitto.conf");
    Path log = dir.resolve("mosquitto.log");
    try {
      Files.write(conf, configuration);
      Process process = new ProcessBuilder("mosquitto", "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      PrivateMosquitto mosquitto = new PrivateMosquitto(process, port);
      mosquitto.awaitListening(log);
      return mosquitto;
    } catch (IOException e) {
      throw new UncheckedIOException("mosquitto did not start", e);
    }
  }

  private void awaitListening(Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
      }
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    close();
    throw new IllegalStateException("mosquitto did not listen within 10 s: " + Files.readString(log));
  }

  private void pause() {
    try {
      process.waitFor(50, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while mosquitto started", e);
    }
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The broker's process, for a benchmark that reads its CPU time. */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
