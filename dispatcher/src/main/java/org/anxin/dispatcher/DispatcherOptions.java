package org.anxin.dispatcher;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;

import java.time.Duration;

/**
 * The dispatcher's settings, each an {@code ANXIN_*} variable (README's configuration table).
 *
 * @param escalationScale multiplies every wait of the escalation policies (1 in service; drills and tests shrink a
 *                        180-s chain to a second)
 * @param smsProvider {@code outbox} (keeps what would be sent, for the demo) or {@code webhook}
 * @param repeatSmsInterval at most one SMS per alarm in this time for repeats of an acknowledged alarm (the stream
 *                          notice goes every time)
 * @param dbPoolSize connections of the dispatcher's own pool, so alarms never queue behind telemetry batches
 */
public record DispatcherOptions(Duration escalationScan, double escalationScale, String smsProvider,
                                String smsWebhookUrl, int smsAttempts, Duration smsBackoff, Duration smsTimeout,
                                Duration voiceTimeout, Duration repeatSmsInterval, Duration orderScan,
                                Duration acceptSla, Duration deliverSla, Duration returnVisitDue, double visitRadiusM,
                                int dbPoolSize) {

  public static final String ESCALATION_SCAN_MS = "ANXIN_ESCALATION_SCAN_MS";
  public static final String ESCALATION_SCALE = "ANXIN_ESCALATION_SCALE";
  public static final String SMS_PROVIDER = "ANXIN_SMS_PROVIDER";
  public static final String SMS_WEBHOOK_URL = "ANXIN_SMS_WEBHOOK_URL";
  public static final String SMS_ATTEMPTS = "ANXIN_SMS_ATTEMPTS";
  public static final String SMS_BACKOFF_MS = "ANXIN_SMS_BACKOFF_MS";
  public static final String SMS_TIMEOUT_MS = "ANXIN_SMS_TIMEOUT_MS";
  public static final String VOICE_TIMEOUT_MS = "ANXIN_VOICE_TIMEOUT_MS";
  public static final String REPEAT_SMS_INTERVAL_S = "ANXIN_REPEAT_SMS_INTERVAL_S";
  public static final String ORDER_SCAN_MS = "ANXIN_ORDER_SCAN_MS";
  public static final String ORDER_ACCEPT_SLA_S = "ANXIN_ORDER_ACCEPT_SLA_S";
  public static final String ORDER_DELIVER_SLA_S = "ANXIN_ORDER_DELIVER_SLA_S";
  public static final String RETURN_VISIT_DUE_S = "ANXIN_RETURN_VISIT_DUE_S";
  public static final String VISIT_RADIUS_M = "ANXIN_VISIT_RADIUS_M";
  public static final String DB_POOL_SIZE = "ANXIN_DISPATCHER_DB_POOL_SIZE";

  public DispatcherOptions {
    if (!(escalationScale > 0)) {
      throw new ConfigException(ESCALATION_SCALE + " must be above 0");
    }
    if (smsProvider.equals("webhook") && (smsWebhookUrl == null || smsWebhookUrl.isBlank())) {
      throw new ConfigException(SMS_PROVIDER + "=webhook needs " + SMS_WEBHOOK_URL);
    }
    if (!smsProvider.equals("webhook") && !smsProvider.equals("outbox")) {
      throw new ConfigException(SMS_PROVIDER + " must be 'outbox' or 'webhook', not '" + smsProvider + "'");
    }
    if (repeatSmsInterval.isNegative()) {
      throw new ConfigException(REPEAT_SMS_INTERVAL_S + " must be 0 or more");
    }
  }

  public static DispatcherOptions from(Settings s) {
    double scale;
    try {
      scale = Double.parseDouble(s.string(ESCALATION_SCALE, "1"));
    } catch (NumberFormatException e) {
      throw new ConfigException(ESCALATION_SCALE + " must be a number, not '" + s.string(ESCALATION_SCALE, "") + "'");
    }
    return new DispatcherOptions(Duration.ofMillis(s.longValue(ESCALATION_SCAN_MS, 1_000)), scale,
        s.string(SMS_PROVIDER, "outbox"), s.optional(SMS_WEBHOOK_URL), s.integer(SMS_ATTEMPTS, 4),
        Duration.ofMillis(s.longValue(SMS_BACKOFF_MS, 500)), Duration.ofMillis(s.longValue(SMS_TIMEOUT_MS, 5_000)),
        Duration.ofMillis(s.longValue(VOICE_TIMEOUT_MS, 60_000)),
        Duration.ofSeconds(s.longValue(REPEAT_SMS_INTERVAL_S, 300)),
        Duration.ofMillis(s.longValue(ORDER_SCAN_MS, 5_000)),
        Duration.ofSeconds(s.longValue(ORDER_ACCEPT_SLA_S, 900)),
        Duration.ofSeconds(s.longValue(ORDER_DELIVER_SLA_S, 4 * 3600)),
        Duration.ofSeconds(s.longValue(RETURN_VISIT_DUE_S, 24 * 3600)), s.integer(VISIT_RADIUS_M, 150),
        s.integer(DB_POOL_SIZE, 4));
  }

  /** A policy wait of {@code seconds}, scaled. */
  public Duration scaled(int seconds) {
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000.0 * escalationScale)));
  }
}
