package org.anxin.infra.devices;

/** A device to register and where it came from: its line in an import file, or 0 when it was given alone. */
public record DeviceRow(int line, NewDevice device) {

  /** {@code problem} as the person who wrote the file needs it: with its line number when there is one. */
  public String locate(String problem) {
    return line > 0 ? "line " + line + ": " + problem : problem;
  }
}
