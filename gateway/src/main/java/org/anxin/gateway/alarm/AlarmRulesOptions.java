package org.anxin.gateway.alarm;

import org.anxin.gateway.rules.OfflineCheck;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;

import java.time.Duration;

/**
 * How often the rule settings are reread and the timer checks run, the silence and outage thresholds, and the
 * alarm path's own MQTT session on device events (its client id must be unique per gateway and stable across
 * restarts, like the gateway's).
 */
public record AlarmRulesOptions(Duration reload, Duration check, OfflineCheck.Limits offline, String eventClientId,
                                Duration eventSessionExpiry) {

  public static final String RELOAD_S = "ANXIN_RULES_RELOAD_S";
  public static final String CHECK_S = "ANXIN_RULES_CHECK_S";
  public static final String OFFLINE_INTERVALS = "ANXIN_RULES_OFFLINE_INTERVALS";
  public static final String LAST_WILL_GRACE_S = "ANXIN_RULES_LAST_WILL_GRACE_S";
  public static final String OFFLINE_STABLE_S = "ANXIN_RULES_OFFLINE_STABLE_S";
  public static final String OUTAGE_MIN_DEVICES = "ANXIN_RULES_OUTAGE_MIN_DEVICES";
  public static final String OUTAGE_FRACTION = "ANXIN_RULES_OUTAGE_FRACTION";
  public static final String OUTAGE_WINDOW_S = "ANXIN_RULES_OUTAGE_WINDOW_S";
  public static final String CLIENT_ID = "ANXIN_RULES_CLIENT_ID";
  public static final String SESSION_EXPIRY_S = "ANXIN_RULES_SESSION_EXPIRY_S";

  public static AlarmRulesOptions from(Settings s) {
    return new AlarmRulesOptions(Duration.ofSeconds(s.longValue(RELOAD_S, 60)),
        Duration.ofSeconds(s.longValue(CHECK_S, 30)),
        new OfflineCheck.Limits(s.integer(OFFLINE_INTERVALS, 3), Duration.ofSeconds(s.longValue(LAST_WILL_GRACE_S, 60)),
            Duration.ofSeconds(s.longValue(OFFLINE_STABLE_S, 300)), s.integer(OUTAGE_MIN_DEVICES, 5),
            fraction(s), Duration.ofSeconds(s.longValue(OUTAGE_WINDOW_S, 60))),
        s.string(CLIENT_ID, "anxin-alarms-1"), Duration.ofSeconds(s.longValue(SESSION_EXPIRY_S, 86_400)));
  }

  private static double fraction(Settings s) {
    String v = s.string(OUTAGE_FRACTION, "0.5");
    try {
      double f = Double.parseDouble(v.trim());
      if (f > 0 && f <= 1) {
        return f;
      }
    } catch (NumberFormatException e) {
      // falls through to the one error below
    }
    throw new ConfigException(OUTAGE_FRACTION + " must be a fraction above 0 and at most 1, not '" + v + "'");
  }
}
