package org.anxin.sim.protocol;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** A command the platform sends on a device's {@code cmd} topic: {@code {"id","name","args"}}. */
public record Command(String id, String name, JsonObject args) {

  public static final String LOCATE = "locate";
  public static final String SET_INTERVAL = "set_interval";
  public static final String SET_FENCE = "set_fence";
  public static final String RING = "ring";

  /** Parses a command; fails with an {@link IllegalArgumentException} saying what is wrong. */
  public static Command parse(byte[] payload) {
    JsonObject json;
    try {
      json = Buffer.buffer(payload).toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("a command must be a JSON object", e);
    }
    Object id = json.getValue("id");
    String name = json.getValue("name") instanceof String s ? s : null;
    if (id == null || name == null) {
      throw new IllegalArgumentException("a command needs an id and a name");
    }
    JsonObject args = json.getValue("args") instanceof JsonObject a ? a : new JsonObject();
    return new Command(id.toString(), name, args);
  }
}
