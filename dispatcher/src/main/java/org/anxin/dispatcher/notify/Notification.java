package org.anxin.dispatcher.notify;

import io.vertx.core.json.JsonObject;

/**
 * One notification of one recipient through one channel for one escalation step, or for a repeat of an alarm already
 * acknowledged ({@link #REPEAT_STEP}).
 *
 * @param recipient who, as {@code carer:5}, {@code user:9}, {@code volunteer:2} or {@code elder:7}
 * @param address the user id for the stream, the phone number for SMS and voice
 * @param key the idempotency key: alarm id + step (or the repeat's occurrence) + recipient + channel
 * @param alarm the alarm as published, for the stream's payload
 */
public record Notification(long alarmId, Long elderId, int step, String recipient, String recipientName,
                           Long userId, String address, ChannelKind channel, String key, String body,
                           JsonObject alarm) {

  /** The step of a notification that is not a step of the chain: a repeat of an alarm someone has taken on. */
  public static final int REPEAT_STEP = 0;

  public static String key(long alarmId, int step, String recipient, ChannelKind channel) {
    return "alarm:" + alarmId + "|step:" + step + "|" + recipient + "|" + channel;
  }

  /** The key of a repeat's notification: one per occurrence (the raising message's key), recipient and channel. */
  public static String repeatKey(long alarmId, String occurrenceKey, String recipient, ChannelKind channel) {
    return "alarm:" + alarmId + "|repeat:" + occurrenceKey + "|" + recipient + "|" + channel;
  }
}
