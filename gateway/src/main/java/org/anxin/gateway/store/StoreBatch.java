package org.anxin.gateway.store;

import org.anxin.gateway.decode.DeviceEvent;
import org.anxin.gateway.decode.TelemetryReading;

import java.util.List;

/** What one transaction stores: accepted readings and events, and the rejects to keep. */
public record StoreBatch(List<TelemetryReading> telemetry, List<DeviceEvent> events, List<RejectedMessage> rejects) {

  public int size() {
    return telemetry.size() + events.size() + rejects.size();
  }
}
