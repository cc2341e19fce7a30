package org.anxin.gateway.decode;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/** The {@code telemetry} channel: a non-empty subset of the readings, each of its type and in its range. */
final class TelemetryDecoder {

  static final Set<String> SOURCES = Set.of("gnss", "wifi", "lbs");

  TelemetryReading decode(Envelope envelope, JsonObject json) throws MessageRejectedException {
    Fields f = new Fields(json);
    Double lat = f.decimal("lat", -90, 90);
    Double lon = f.decimal("lon", -180, 180);
    f.requirePair("lat", lat, "lon", lon);
    TelemetryReading reading = new TelemetryReading(envelope, lat, lon,
        f.decimal("acc", 0, 1_000_000),
        f.oneOf("src", SOURCES, RejectReason.OUT_OF_RANGE),
        f.integer("hr", 0, 300),
        f.integer("spo2", 0, 100),
        f.integer("bat", 0, 100),
        f.integer("steps", 0, 1_000_000),
        f.bool("motion"),
        f.decimal("temp", -50, 100),
        f.bool("worn"));
    if (isEmpty(reading)) {
      throw new MessageRejectedException(RejectReason.EMPTY_TELEMETRY, "telemetry carries no reading");
    }
    return reading;
  }

  private static boolean isEmpty(TelemetryReading r) {
    return r.lat() == null && r.acc() == null && r.src() == null && r.hr() == null && r.spo2() == null
        && r.bat() == null && r.steps() == null && r.motion() == null && r.temp() == null && r.worn() == null;
  }
}
