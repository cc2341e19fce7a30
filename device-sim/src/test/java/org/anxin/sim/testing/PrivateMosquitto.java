package org.anxin.sim.testing;

import org.anxin.infra.devices.MosquittoHash;
import org.anxin.infra.devices.MosquittoPasswordFile;
import org.anxin.sim.fleet.BrokerAddress;
import org.anxin.sim.fleet.DeviceCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own on a free loopback port: devices log in with their secrets (password file in
 * Mosquitto's {@code $7$} format, as the platform writes it), may publish only to their own topics and read only their
 * own {@code cmd} (ACL), and sessions persist across {@link #stop()} and {@link #launch()}.
 */
public final class PrivateMosquitto implements AutoCloseable {

  public static final String PLATFORM_USER = "platform";
  public static final String PLATFORM_PASSWORD = "platform-secret";
  private static final String ACL = """
      user platform
      topic readwrite anxin/v1/dev/#

      pattern write anxin/v1/dev/%u/telemetry
      pattern write anxin/v1/dev/%u/event
      pattern write anxin/v1/dev/%u/status
      pattern write anxin/v1/dev/%u/reply
      pattern read anxin/v1/dev/%u/cmd
      """;

  private final Path dir;
  private final int port;
  private Process process;

  private PrivateMosquitto(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  public static PrivateMosquitto start(List<DeviceCredentials> devices) {
    return start(devices, false);
  }

  /**
   * With {@code anonymous}, no password file: any user name is let in (the ACL still applies), for tests whose
   * devices are registered while the test runs, as the bench's are.
   */
  public static PrivateMosquitto start(List<DeviceCredentials> devices, boolean anonymous) {
    try {
      Path dir = Files.createTempDirectory("anxin-sim-mosquitto");
      Map<String, String> hashes = new TreeMap<>();
      devices.forEach(d -> hashes.put(d.deviceId(), MosquittoHash.hash(d.secret())));
      MosquittoPasswordFile.write(dir, hashes, PLATFORM_USER, PLATFORM_PASSWORD);
      Files.writeString(dir.resolve("acl"), ACL);
      int port = freePort();
      Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
          "listener " + port + " 127.0.0.1",
          // run as whoever runs the test: started as root, mosquitto would switch to a user that cannot read dir
          "user " + System.getProperty("user.name"),
          anonymous ? "allow_anonymous true" : "allow_anonymous false",
          anonymous ? "" : "password_file " + dir.resolve(MosquittoPasswordFile.FILE_NAME),
          "acl_file " + dir.resolve("acl"),
          "persistence true",
          "persistence_location " + dir + "/",
          "max_queued_messages 100000",
          "log_dest file " + dir.resolve("mosquitto.log"),
          ""));
      PrivateMosquitto broker = new PrivateMosquitto(dir, port);
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public BrokerAddress address() {
    return new BrokerAddress("127.0.0.1", port);
  }

  /** Stops the broker (it saves its sessions on the way down). */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the broker and starts it again without the sessions it saved, as after a crash with no persistence. */
  public void stopAndForgetSessions() {
    stop();
    try {
      Files.deleteIfExists(dir.resolve("mosquitto.db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts it again on the same port, with the sessions it saved. */
  public void launch() {
    try {
      process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("mosquitto could not be started", e);
    }
    awaitListening();
  }

  private void awaitListening() {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("mosquitto exited; see " + dir.resolve("mosquitto.log"));
        }
        pause();
      }
    }
    throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s");
  }

  /** Nothing to wait on but the port: mosquitto starts in well under a second. */
  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
