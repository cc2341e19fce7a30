package org.anxin.sim.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials CSV written by {@code demo} and {@code device import}: {@code device_id,secret,type,elder_id}, an
 * optional header line, an empty elder id for a terminal that has none.
 */
public final class CredentialsFile {

  public static final String HEADER = "device_id,secret,type,elder_id";

  private CredentialsFile() {
  }

  public static List<DeviceCredentials> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the devices file " + file, e);
    }
    List<DeviceCredentials> devices = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("device_id")) {
        continue;
      }
      devices.add(parseLine(line, file, i + 1));
    }
    return devices;
  }

  public static void write(Path file, List<DeviceCredentials> devices) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    devices.forEach(d -> lines.add(String.join(",", d.deviceId(), d.secret(), d.type().name(),
        d.elderId() == null ? "" : d.elderId().toString())));
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the devices file " + file, e);
    }
  }

  private static DeviceCredentials parseLine(String line, Path file, int number) {
    String[] cells = line.split(",", -1);
    if (cells.length < 3) {
      throw new IllegalArgumentException(file + ":" + number + ": expected " + HEADER + ", got '" + line + "'");
    }
    try {
      String elder = cells.length > 3 ? cells[3].strip() : "";
      return new DeviceCredentials(cells[0].strip(), cells[1].strip(), DeviceType.parse(cells[2]),
          elder.isEmpty() ? null : Long.valueOf(elder));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
    }
  }
}
