package org.anxin.infra.bus;

/**
 * Every event-bus address the modules use, in one place. A module sends and consumes through the typed helper of the
 * message family, never through a string of its own.
 */
public final class Addresses {

  /** An alarm was raised or got a new occurrence (publish). */
  public static final String ALARM_RAISED = "alarm.raised";
  /** A raise or a clearing reached the database: the alarm's key and row id (publish). */
  public static final String ALARM_STORED = "alarm.stored";
  /** An elder's alarm settings or safe zones changed; the gateway reloads its rule settings (publish). */
  public static final String RULES_CHANGED = "rules.changed";
  /** An alarm changed state or a notification was sent (publish). */
  public static final String ALARM_CHANGED = "alarm.changed";
  /** A request to change an alarm's state, answered by the dispatcher alone (request/reply). */
  public static final String ALARM_COMMAND = "alarm.command";
  /** A request to create a service order (request/reply). */
  public static final String ORDER_CREATE = "order.create";
  /** A request to move a service order along: accept, refuse, start, done, review, cancel (request/reply). */
  public static final String ORDER_COMMAND = "order.command";
  /** A service order changed state (publish). */
  public static final String ORDER_CHANGED = "order.changed";
  /** A notification for the live streams of the user ids it names; the console forwards it (publish). */
  public static final String NOTIFY_STREAM = "notify.stream";
  /** Acknowledgement times per day and township, for supervisors (request/reply). */
  public static final String REPORT_ACK_TIMES = "report.ack-times";
  /** A request that the hotline place a call (request/reply). */
  public static final String HOTLINE_ORIGINATE = "hotline.originate";
  /** Operators' and supervisors' requests to the hotline: queue log-in, pause, callback, wrap-up (request/reply). */
  public static final String HOTLINE_REQUEST = "hotline.request";
  /** Live call state and screen pops (publish). */
  public static final String CALL_EVENT = "call.event";
  /** A command for a device, sent by the gateway on its {@code cmd} topic (request/reply). */
  public static final String DEVICE_COMMAND = "device.command";

  private Addresses() {
  }
}
