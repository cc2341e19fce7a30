package org.anxin.infra.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The node's configuration: every key is the name of its environment variable ({@code ANXIN_HTTP_PORT}).
 * Later sources win: built-in defaults, then the optional file named by {@code ANXIN_CONFIG} (JSON with the same
 * keys), then the environment. Each module reads its own options record from it.
 */
public final class Settings {

  public static final String CONFIG_FILE = "ANXIN_CONFIG";

  private final JsonObject values;

  public Settings(JsonObject values) {
    this.values = values.copy();
  }

  /** Settings from the environment (and the file it names) only; for tests and tools that run no Vert.x yet. */
  public static Settings fromMap(Map<String, String> env) {
    JsonObject json = new JsonObject();
    env.forEach((k, v) -> {
      if (k.startsWith("ANXIN_")) {
        json.put(k, v);
      }
    });
    return new Settings(json);
  }

  /** Reads defaults, then the {@code ANXIN_CONFIG} file, then {@code ANXIN_*} environment variables. */
  public static Settings load(Vertx vertx, Map<String, String> overrides) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false);
    String file = overrides.getOrDefault(CONFIG_FILE, System.getenv(CONFIG_FILE));
    if (file != null && !file.isBlank()) {
      if (!Files.isRegularFile(Path.of(file))) {
        throw new ConfigException(CONFIG_FILE + " names " + file + ", which is not a readable file");
      }
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("json")
          .setConfig(new JsonObject().put("path", file)));
    }
    options.addStore(new ConfigStoreOptions().setType("env")
        .setConfig(new JsonObject().put("keys", anxinKeys(System.getenv())).put("raw-data", true)));
    JsonObject loaded = ConfigRetriever.create(vertx, options).getConfig().await();
    overrides.forEach(loaded::put);
    return new Settings(loaded);
  }

  private static JsonArray anxinKeys(Map<String, String> env) {
    JsonArray keys = new JsonArray();
    env.keySet().stream().filter(k -> k.startsWith("ANXIN_")).sorted().forEach(keys::add);
    return keys;
  }

  public String string(String key, String fallback) {
    Object v = values.getValue(key);
    return v == null || v.toString().isBlank() ? fallback : v.toString();
  }

  /** A value that may be absent: {@code null} when unset or blank. */
  public String optional(String key) {
    return string(key, null);
  }

  public int integer(String key, int fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, not '" + v + "'");
    }
  }

  public long longValue(String key, long fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, not '" + v + "'");
    }
  }

  public boolean bool(String key, boolean fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    return switch (v.trim().toLowerCase()) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(key + " must be true or false, not '" + v + "'");
    };
  }

  public boolean isSet(String key) {
    return string(key, null) != null;
  }

  /** A copy with one more value; used by tests and by subcommands that fix a setting. */
  public Settings with(String key, Object value) {
    JsonObject copy = values.copy();
    copy.put(key, value == null ? null : value.toString());
    return new Settings(copy);
  }

  public JsonObject asJson() {
    return values.copy();
  }
}
