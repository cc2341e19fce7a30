package org.anxin.gateway.state;

import org.anxin.gateway.decode.Decoded;
import org.anxin.gateway.decode.DeviceEvent;
import org.anxin.gateway.decode.TelemetryReading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest state of every device that has spoken, in memory for the rules; changed devices are remembered until
 * the next flush writes them. Used from the gateway's event loop only.
 */
public final class DeviceStates {

  private final Map<String, DeviceState> states = new HashMap<>();
  private final Set<String> dirty = new LinkedHashSet<>();

  /** Takes in messages whose batch has committed. */
  public void applyAll(List<? extends Decoded> messages) {
    for (Decoded m : messages) {
      DeviceState s = states.computeIfAbsent(m.envelope().deviceId(), DeviceState::new);
      if (m instanceof TelemetryReading r) {
        s.apply(r);
      } else {
        s.apply((DeviceEvent) m);
      }
      dirty.add(s.deviceId);
    }
  }

  public DeviceState get(String deviceId) {
    return states.get(deviceId);
  }

  public int size() {
    return states.size();
  }

  /** Rows for every device changed since the last call; the caller hands back the ids if writing them fails. */
  public List<DeviceStateRow> takeDirty(long now) {
    List<DeviceStateRow> rows = new ArrayList<>(dirty.size());
    for (String id : dirty) {
      rows.add(DeviceStateRow.of(states.get(id), now));
    }
    dirty.clear();
    return rows;
  }

  public void markDirty(List<DeviceStateRow> rows) {
    rows.forEach(r -> dirty.add(r.deviceId()));
  }

  /** Replaces the memory with what the database holds, on start. */
  public void restore(List<DeviceStateRow> rows) {
    states.clear();
    dirty.clear();
    for (DeviceStateRow row : rows) {
      states.put(row.deviceId(), row.toState());
    }
  }
}
