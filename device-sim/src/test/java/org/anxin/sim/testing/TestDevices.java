package org.anxin.sim.testing;

import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.DeviceType;

import java.util.ArrayList;
import java.util.List;

/** Credentials of test devices: wristbands {@code W-01…} of elders 1…, terminals {@code T-01…}. */
public final class TestDevices {

  private TestDevices() {
  }

  public static DeviceCredentials wristband(int n) {
    return new DeviceCredentials(String.format("W-%02d", n), "secret-w-" + n, DeviceType.WRISTBAND, (long) n);
  }

  public static DeviceCredentials terminal(int n) {
    return new DeviceCredentials(String.format("T-%02d", n), "secret-t-" + n, DeviceType.HOME_TERMINAL, (long) n);
  }

  public static List<DeviceCredentials> fleet(int wristbands, int terminals) {
    List<DeviceCredentials> devices = new ArrayList<>();
    for (int i = 1; i <= wristbands; i++) {
      devices.add(wristband(i));
    }
    for (int i = 1; i <= terminals; i++) {
      devices.add(terminal(i));
    }
    return devices;
  }
}
