package org.anxin.infra.alarm;

import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a module's alarm outbox lives ({@code <ANXIN_DATA_DIR>/alarms/<module>}: each raiser has its own, as two
 * cannot share one) and how often a write waiting for the database is tried again.
 */
public record AlarmOptions(Path journalDir, Duration retryDelay) {

  public static final String RETRY_MS = "ANXIN_ALARM_RETRY_MS";

  public static AlarmOptions from(Settings s, NodeOptions node, String module) {
    return new AlarmOptions(node.dataDir().resolve("alarms").resolve(module),
        Duration.ofMillis(s.longValue(RETRY_MS, 1_000)));
  }
}
