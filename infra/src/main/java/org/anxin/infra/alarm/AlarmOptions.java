package org.anxin.infra.alarm;

import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the alarm outbox lives ({@code <ANXIN_DATA_DIR>/alarms}) and how often a write waiting for the database is
 * tried again.
 */
public record AlarmOptions(Path journalDir, Duration retryDelay) {

  public static final String RETRY_MS = "ANXIN_ALARM_RETRY_MS";

  public static AlarmOptions from(Settings s, NodeOptions node) {
    return new AlarmOptions(node.dataDir().resolve("alarms"), Duration.ofMillis(s.longValue(RETRY_MS, 1_000)));
  }
}
