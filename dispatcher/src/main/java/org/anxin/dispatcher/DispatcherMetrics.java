package org.anxin.dispatcher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** The dispatcher's meters, named in one place. */
public final class DispatcherMetrics {

  /** Escalation steps taken (a timer: count and the time of the step's transaction), by priority. */
  public static final String STEP_TIME = "anxin_dispatcher_escalation_step_seconds";
  /** Notifications by channel and result ({@code sent}, {@code failed}). */
  public static final String NOTIFICATIONS = "anxin_dispatcher_notifications_total";
  /** {@code alarm.command} requests by action and result ({@code ok}, {@code refused}). */
  public static final String ALARM_COMMANDS = "anxin_dispatcher_alarm_commands_total";
  /**
   * New occurrences of open alarms by result: {@code notified} (someone had taken the alarm on), {@code duplicate}
   * (that occurrence was already notified), {@code skipped} (still OPEN, its escalation runs; or closed).
   */
  public static final String REPEATS = "anxin_dispatcher_alarm_repeats_total";
  /** Service order changes by kind. */
  public static final String ORDER_CHANGES = "anxin_dispatcher_order_changes_total";

  private final MeterRegistry registry;

  public DispatcherMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void stepTaken(int priority, Duration took) {
    Timer.builder(STEP_TIME).tag("priority", String.valueOf(priority)).register(registry).record(took);
  }

  public void notification(String channel, boolean sent) {
    Counter.builder(NOTIFICATIONS).tag("channel", channel).tag("result", sent ? "sent" : "failed")
        .register(registry).increment();
  }

  public void alarmCommand(String action, boolean ok) {
    Counter.builder(ALARM_COMMANDS).tag("action", action).tag("result", ok ? "ok" : "refused").register(registry)
        .increment();
  }

  public void repeat(String result) {
    Counter.builder(REPEATS).tag("result", result).register(registry).increment();
  }

  public void orderChange(String change) {
    Counter.builder(ORDER_CHANGES).tag("change", change).register(registry).increment();
  }
}
