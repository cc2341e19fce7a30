package org.anxin.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own on a free loopback port, anonymous, without persistence: the external broker of a
 * node under test, so no test depends on the machine's broker or another test's.
 */
public final class TestMosquitto implements AutoCloseable {

  private final Process process;
  private final String port;

  private TestMosquitto(Process process, String port) {
    this.process = process;
    this.port = port;
  }

  public static TestMosquitto start(Path dir) {
    String port = TestNodes.freePort();
    try {
      Path conf = Files.write(dir.resolve("mosquitto.conf"), List.of("listener " + port + " 127.0.0.1",
          "allow_anonymous true", "persistence false", "log_dest stderr"));
      Process process = new ProcessBuilder("mosquitto", "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("mosquitto.log").toFile())
          .start();
      TestMosquitto mosquitto = new TestMosquitto(process, port);
      mosquitto.awaitListening(dir.resolve("mosquitto.log"));
      return mosquitto;
    } catch (IOException e) {
      throw new UncheckedIOException("mosquitto did not start (is it installed? .ci/run installs it)", e);
    }
  }

  private void awaitListening(Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
      }
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port))) {
        return;
      } catch (IOException notYet) {
        waitBriefly();
      }
    }
    throw new IllegalStateException("mosquitto did not listen within 10 s: " + Files.readString(log));
  }

  private void waitBriefly() {
    try {
      process.waitFor(50, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
