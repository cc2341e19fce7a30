package org.anxin.infra.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Options every node shares: where its data lives, its time zone and which modules it runs. */
public record NodeOptions(Path dataDir, ZoneId timezone, Set<String> modules) {

  public static final String DATA_DIR = "ANXIN_DATA_DIR";
  public static final String TIMEZONE = "ANXIN_TIMEZONE";
  public static final String MODULES = "ANXIN_MODULES";
  public static final List<String> ALL_MODULES = List.of("gateway", "dispatcher", "hotline", "console");

  public static NodeOptions from(Settings s) {
    ZoneId zone;
    String tz = s.string(TIMEZONE, "Asia/Shanghai");
    try {
      zone = ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw new ConfigException(TIMEZONE + " names no known time zone: '" + tz + "'");
    }
    Set<String> modules = new LinkedHashSet<>();
    String list = s.string(MODULES, "all");
    for (String m : list.split(",")) {
      String name = m.trim().toLowerCase();
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals("all")) {
        modules.addAll(ALL_MODULES);
      } else if (ALL_MODULES.contains(name)) {
        modules.add(name);
      } else {
        throw new ConfigException(MODULES + " names an unknown module '" + name + "'; known: " + ALL_MODULES);
      }
    }
    return new NodeOptions(Path.of(s.string(DATA_DIR, "./data")).toAbsolutePath().normalize(), zone, Set.copyOf(modules));
  }

  public boolean runs(String module) {
    return modules.contains(module);
  }
}
