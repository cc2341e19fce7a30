package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;

/**
 * A command for one device, asked for on {@code device.command} (request/reply); the gateway sends it on the
 * device's {@code cmd} topic as {@code {"id","name","args"}} and answers once the broker has it. The alarm rules
 * ask for {@code set_interval} while an elder is outside the safe zone.
 */
public record DeviceCommand(String deviceId, String id, String name, JsonObject args) {

  public JsonObject toJson() {
    return new JsonObject().put("deviceId", deviceId).put("id", id).put("name", name).put("args", args);
  }

  public static DeviceCommand fromJson(JsonObject json) {
    return new DeviceCommand(json.getString("deviceId"), json.getString("id"), json.getString("name"),
        json.getJsonObject("args", new JsonObject()));
  }
}
