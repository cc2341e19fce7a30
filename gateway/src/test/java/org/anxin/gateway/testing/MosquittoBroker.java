package org.anxin.gateway.testing;

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

/**
 * A private Mosquitto for one test class: anonymous, on a free loopback port, with the queue and in-flight limits
 * the gateway needs (no cap on a persistent session's queue, so an outage loses nothing), stopped on close.
 */
public final class MosquittoBroker implements AutoCloseable {

  private final Process process;
  private final int port;

  private MosquittoBroker(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static MosquittoBroker start(Path dir) {
    try {
      int port = freePort();
      Path conf = dir.resolve("mosquitto.conf");
      Files.writeString(conf, String.join("\n",
          "listener " + port + " 127.0.0.1",
          "allow_anonymous true",
          "persistence false",
          "max_queued_messages 0",
          "max_inflight_messages 0",
          "set_tcp_nodelay true",
          "log_dest stderr",
          "log_type error",
          "log_type warning",
          ""));
      Process p = new ProcessBuilder("mosquitto", "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("mosquitto.log").toFile())
          .start();
      MosquittoBroker broker = new MosquittoBroker(p, port);
      broker.awaitListening();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("mosquitto did not start", e);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitListening() {
    Await.until(Duration.ofSeconds(10), "mosquitto listening on " + port, () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited with " + process.exitValue());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException e) {
        return false;
      }
    });
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
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
