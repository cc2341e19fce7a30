package org.anxin.dispatcher.testing;

import org.anxin.infra.testing.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A Mosquitto of the test's own: anonymous, on a free loopback port, stopped on close. */
public final class PrivateMosquitto implements AutoCloseable {

  private final Process process;
  private final int port;

  private PrivateMosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static PrivateMosquitto start(Path dir) {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      Path conf = dir.resolve("mosquitto.conf");
      Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
          + "max_queued_messages 0\nset_tcp_nodelay true\n");
      Process p = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
      PrivateMosquitto broker = new PrivateMosquitto(p, port);
      Await.until(Duration.ofSeconds(10), "mosquitto on port " + port, broker::listening);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("mosquitto did not start", e);
    }
  }

  private boolean listening() {
    if (!process.isAlive()) {
      throw new IllegalStateException("mosquitto exited with " + process.exitValue());
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
