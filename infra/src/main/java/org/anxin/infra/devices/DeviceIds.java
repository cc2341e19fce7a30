package org.anxin.infra.devices;

import java.util.regex.Pattern;

/** The shape of a device id from the device protocol: {@code [A-Za-z0-9_-]{3,64}}. */
public final class DeviceIds {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{3,64}");

  /** Ids starting with this are the platform's own broker accounts ({@code anxin-platform}), never a device. */
  public static final String RESERVED_PREFIX = "anxin-";

  private DeviceIds() {
  }

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Why {@code id} cannot name a new device, or {@code null} when it can. */
  public static String problem(String id) {
    if (!isValid(id)) {
      return "device id '" + id + "' must be 3 to 64 letters, digits, '_' or '-'";
    }
    if (id.startsWith(RESERVED_PREFIX)) {
      return "device id '" + id + "' starts with '" + RESERVED_PREFIX + "', which is kept for the platform's accounts";
    }
    return null;
  }
}
