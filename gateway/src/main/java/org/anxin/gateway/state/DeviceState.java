package org.anxin.gateway.state;

import org.anxin.gateway.decode.DeviceEvent;
import org.anxin.gateway.decode.Envelope;
import org.anxin.gateway.decode.StatusFields;
import org.anxin.gateway.decode.TelemetryReading;

/**
 * The latest known state of one device, as the rules read it. Readings are taken only from a message at least as
 * new (by {@code ts}) as the one they replace, so a replayed old message does not move the state back.
 */
public final class DeviceState {

  final String deviceId;
  String boot;
  Long lastSeq;
  Long lastSeen;
  Double lastFixLat;
  Double lastFixLon;
  Double lastFixAcc;
  Long lastFixAt;
  Integer bat;
  Boolean worn;
  boolean online;
  String fw;
  Integer intervalS;
  Long lastMotionAt;
  private long newestTs = Long.MIN_VALUE;

  DeviceState(String deviceId) {
    this.deviceId = deviceId;
  }

  void apply(TelemetryReading r) {
    Envelope e = r.envelope();
    seen(e);
    if (e.ts() < newestTs) {
      return;
    }
    newestTs = e.ts();
    identity(e);
    online = true;
    if (r.hasFix()) {
      lastFixLat = r.lat();
      lastFixLon = r.lon();
      lastFixAcc = r.acc();
      lastFixAt = e.ts();
    }
    bat = r.bat() != null ? r.bat() : bat;
    worn = r.worn() != null ? r.worn() : worn;
    if (Boolean.TRUE.equals(r.motion())) {
      lastMotionAt = e.ts();
    }
  }

  void apply(DeviceEvent event) {
    Envelope e = event.envelope();
    seen(e);
    if (e.ts() < newestTs) {
      return;
    }
    newestTs = e.ts();
    identity(e);
    StatusFields status = event.status();
    if (status == null) {
      online = true;
      return;
    }
    online = status.online();
    bat = status.bat() != null ? status.bat() : bat;
    fw = status.fw() != null ? status.fw() : fw;
    intervalS = status.interval() != null ? status.interval() : intervalS;
  }

  private void seen(Envelope e) {
    if (lastSeen == null || e.receivedAt() > lastSeen) {
      lastSeen = e.receivedAt();
    }
  }

  private void identity(Envelope e) {
    boot = e.boot();
    lastSeq = e.seq() != null ? e.seq() : lastSeq;
  }

  /** Restores the ordering guard from a stored state. */
  void restoredNewest(long ts) {
    newestTs = ts;
  }

  public String deviceId() {
    return deviceId;
  }

  public boolean online() {
    return online;
  }

  public Integer bat() {
    return bat;
  }

  public Long lastSeen() {
    return lastSeen;
  }

  public Long lastFixAt() {
    return lastFixAt;
  }

  public Boolean worn() {
    return worn;
  }
}
