package org.anxin.sim.protocol;

import io.vertx.core.json.JsonObject;

/** The bodies of device protocol v1 messages, before {@link BootSession#stamp} adds ts, seq and boot. */
public final class Payloads {

  private Payloads() {
  }

  public static JsonObject status(boolean online) {
    return new JsonObject().put("online", online);
  }

  public static JsonObject onlineStatus(int bat, String fw, int intervalS) {
    return status(true).put("bat", bat).put("fw", fw).put("interval", intervalS);
  }

  public static JsonObject event(EventType type) {
    return new JsonObject().put("type", type.name());
  }

  public static JsonObject event(EventType type, String sensor) {
    return event(type).put("sensor", sensor);
  }

  public static JsonObject event(EventType type, Fix fix) {
    return event(type).put("lat", fix.lat()).put("lon", fix.lon()).put("acc", fix.acc());
  }

  public static JsonObject reply(String commandId, boolean ok, String detail) {
    return new JsonObject().put("id", commandId).put("ok", ok).put("detail", detail);
  }

  /** Telemetry fields of a position fix. */
  public static JsonObject fix(Fix fix) {
    return new JsonObject().put("lat", fix.lat()).put("lon", fix.lon()).put("acc", fix.acc()).put("src", fix.src());
  }
}
