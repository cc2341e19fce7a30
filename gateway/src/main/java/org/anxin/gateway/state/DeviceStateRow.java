package org.anxin.gateway.state;

/** One row of {@code device_state}; times in epoch milliseconds. */
public record DeviceStateRow(String deviceId, String boot, Long lastSeq, Long lastSeen, Double lastFixLat,
                             Double lastFixLon, Double lastFixAcc, Long lastFixAt, Integer bat, Boolean worn,
                             boolean online, String fw, Integer intervalS, Long lastMotionAt, long updatedAt) {

  static DeviceStateRow of(DeviceState s, long now) {
    return new DeviceStateRow(s.deviceId, s.boot, s.lastSeq, s.lastSeen, s.lastFixLat, s.lastFixLon, s.lastFixAcc,
        s.lastFixAt, s.bat, s.worn, s.online, s.fw, s.intervalS, s.lastMotionAt, now);
  }

  DeviceState toState() {
    DeviceState s = new DeviceState(deviceId);
    s.boot = boot;
    s.lastSeq = lastSeq;
    s.lastSeen = lastSeen;
    s.lastFixLat = lastFixLat;
    s.lastFixLon = lastFixLon;
    s.lastFixAcc = lastFixAcc;
    s.lastFixAt = lastFixAt;
    s.bat = bat;
    s.worn = worn;
    s.online = online;
    s.fw = fw;
    s.intervalS = intervalS;
    s.lastMotionAt = lastMotionAt;
    if (lastFixAt != null) {
      s.restoredNewest(lastFixAt);
    }
    return s;
  }
}
