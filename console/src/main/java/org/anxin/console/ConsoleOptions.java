package org.anxin.console;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;

import java.time.Duration;

/**
 * The console's settings, each an {@code ANXIN_*} variable (README's configuration table).
 *
 * @param cookieSecure the session cookie's {@code Secure} flag; on unless turned off for plain-HTTP loopback dev
 * @param maxFailedLogins wrong passwords in a row before the account locks
 * @param lockout how long a locked account stays locked
 * @param heartbeat how often the live stream sends a heartbeat and re-checks the session and the user's scope
 * @param replayWindow how far back a reconnecting stream is replayed from its {@code Last-Event-ID}
 * @param fixPoll how often new fixes of the elders whose live map is open are looked for
 */
public record ConsoleOptions(boolean cookieSecure, Duration sessionTimeout, int maxFailedLogins, Duration lockout,
                             Duration heartbeat, Duration replayWindow, Duration fixPoll) {

  public static final String COOKIE_SECURE = "ANXIN_COOKIE_SECURE";
  public static final String SESSION_TIMEOUT_MIN = "ANXIN_SESSION_TIMEOUT_MIN";
  public static final String LOGIN_MAX_FAILURES = "ANXIN_LOGIN_MAX_FAILURES";
  public static final String LOGIN_LOCKOUT_S = "ANXIN_LOGIN_LOCKOUT_S";
  public static final String STREAM_HEARTBEAT_S = "ANXIN_STREAM_HEARTBEAT_S";
  public static final String STREAM_REPLAY_S = "ANXIN_STREAM_REPLAY_S";
  public static final String LIVE_FIX_POLL_MS = "ANXIN_LIVE_FIX_POLL_MS";

  public ConsoleOptions {
    if (maxFailedLogins < 1) {
      throw new ConfigException(LOGIN_MAX_FAILURES + " must be at least 1");
    }
    if (heartbeat.isZero() || heartbeat.isNegative()) {
      throw new ConfigException(STREAM_HEARTBEAT_S + " must be above 0");
    }
    if (fixPoll.toMillis() < 100) {
      throw new ConfigException(LIVE_FIX_POLL_MS + " must be at least 100");
    }
  }

  public static ConsoleOptions from(Settings s) {
    return new ConsoleOptions(s.bool(COOKIE_SECURE, true),
        Duration.ofMinutes(s.longValue(SESSION_TIMEOUT_MIN, 480)),
        s.integer(LOGIN_MAX_FAILURES, 5),
        Duration.ofSeconds(s.longValue(LOGIN_LOCKOUT_S, 900)),
        Duration.ofSeconds(s.longValue(STREAM_HEARTBEAT_S, 15)),
        Duration.ofSeconds(s.longValue(STREAM_REPLAY_S, 120)),
        Duration.ofMillis(s.longValue(LIVE_FIX_POLL_MS, 2000)));
  }
}
