package org.anxin.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** CPU seconds (user + system) that processes have used, from {@code /proc/<pid>/stat}. */
final class CpuTimes {

  private static final double TICKS_PER_SECOND = 100.0;

  private CpuTimes() {
  }

  static double seconds(Collection<Long> pids) {
    double total = 0;
    for (long pid : pids) {
      total += seconds(pid);
    }
    return total;
  }

  static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The machine's load averages, as {@code /proc/loadavg} gives them. */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
