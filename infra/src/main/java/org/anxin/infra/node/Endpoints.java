package org.anxin.infra.node;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The addresses a running node listens on, written to {@code <data>/endpoints.json} at every start so tools (the
 * simulator, tests, scripts) find a node that picked free ports. {@code mqttTls} is null unless the embedded broker
 * has a TLS listener. The AGI address is the configured one: the hotline does not listen yet, which
 * {@code agiListening: false} says.
 */
public record Endpoints(String http, String mqtt, String mqttTls, String agi, boolean agiListening, long pid,
                        Instant startedAt) {

  public static final String FILE = "endpoints.json";

  public JsonObject toJson() {
    return new JsonObject()
        .put("http", http)
        .put("mqtt", mqtt)
        .put("mqttTls", mqttTls)
        .put("agi", agi)
        .put("agiListening", agiListening)
        .put("pid", pid)
        .put("startedAt", startedAt.toString());
  }

  public static Endpoints fromJson(JsonObject json) {
    return new Endpoints(json.getString("http"), json.getString("mqtt"), json.getString("mqttTls"),
        json.getString("agi"), json.getBoolean("agiListening", false), json.getLong("pid", 0L),
        Instant.parse(json.getString("startedAt")));
  }

  public static Endpoints read(Path dataDir) {
    try {
      return fromJson(new JsonObject(Files.readString(dataDir.resolve(FILE))));
    } catch (IOException e) {
      throw new UncheckedIOException("No " + FILE + " in " + dataDir + ": is a node running there?", e);
    }
  }

  /** Writes the file whole (a temporary file moved into place), so a reader never sees half of it. */
  public void write(Path dataDir) {
    Path target = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      Path tmp = Files.createTempFile(dataDir, "endpoints", ".tmp");
      Files.writeString(tmp, toJson().encodePrettily(), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Removes the file when the node stops, so nothing connects to addresses no longer served. */
  public static void remove(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
