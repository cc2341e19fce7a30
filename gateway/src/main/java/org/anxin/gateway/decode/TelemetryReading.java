package org.anxin.gateway.decode;

/** One periodic report; every reading is optional ({@code null} when the device did not send it). */
public record TelemetryReading(Envelope envelope, Double lat, Double lon, Double acc, String src, Integer hr,
                               Integer spo2, Integer bat, Integer steps, Boolean motion, Double temp, Boolean worn)
    implements Decoded {

  @Override
  public Channel channel() {
    return Channel.TELEMETRY;
  }

  public boolean hasFix() {
    return lat != null;
  }
}
