package org.anxin.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Small helpers the server tests share: a fresh data folder under {@code target/} and a blocking HTTP GET. */
public final class TestNodes {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestNodes() {
  }

  /** An empty data folder of its own under {@code target/test-data}, kept after the run for a look. */
  public static Path newDataDir(String name) {
    try {
      return Files.createDirectories(Path.of("target", "test-data", name + "-" + UUID.randomUUID().toString()
          .substring(0, 8)).toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A port free right now, for the embedded broker: {@code ANXIN_MQTT_PORT} must name a real port, and the default
   * 1883 may be the machine's Mosquitto or another test's broker.
   */
  public static String freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return String.valueOf(socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
