package org.anxin.infra.devices;

import java.util.List;

/** Devices that cannot be registered, with every reason (one per line of an import); nothing was stored. */
public class DeviceRegistrationException extends RuntimeException {

  private final List<String> problems;

  public DeviceRegistrationException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
