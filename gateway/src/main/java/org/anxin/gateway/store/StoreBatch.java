package org.anxin.gateway.store;

import org.anxin.gateway.decode.Decoded;
import org.anxin.gateway.decode.DeviceEvent;
import org.anxin.gateway.decode.TelemetryReading;

import java.sql.SQLException;
import java.util.List;

/** What one transaction stores: accepted readings and events, and the rejects to keep. */
public record StoreBatch(List<TelemetryReading> telemetry, List<DeviceEvent> events, List<RejectedMessage> rejects) {

  /** One message alone, to find which of a refused batch the database will not take. */
  public static StoreBatch of(Decoded message) {
    return message instanceof TelemetryReading r
        ? new StoreBatch(List.of(r), List.of(), List.of())
        : new StoreBatch(List.of(), List.of((DeviceEvent) message), List.of());
  }

  /**
   * Whether a failure is the data's fault (SQLState class 22, data exception, or 23, integrity constraint), so that
   * retrying the same batch can never succeed; anything else (connection lost, timeout) is worth a retry.
   */
  public static boolean isDataError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && e.getSQLState() != null
          && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  public int size() {
    return telemetry.size() + events.size() + rejects.size();
  }
}
