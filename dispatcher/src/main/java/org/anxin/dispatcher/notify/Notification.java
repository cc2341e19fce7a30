package org.anxin.dispatcher.notify;

import io.vertx.core.json.JsonObject;

/**
 * One notification of one recipient through one channel for one escalation step.
 *
 * @param recipient who, as {@code carer:5}, {@code user:9}, {@code volunteer:2} or {@code elder:7}
 * @param address the user id for the stream, the phone number for SMS and voice
 * @param key the idempotency key: alarm id + step + recipient + channel
 * @param alarm the alarm as published, for the stream's payload
 */
public record Notification(long alarmId, Long elderId, int step, String recipient, String recipientName,
                           Long userId, String address, ChannelKind channel, String key, String body,
                           JsonObject alarm) {

  public static String key(long alarmId, int step, String recipient, ChannelKind channel) {
    return "alarm:" + alarmId + "|step:" + step + "|" + recipient + "|" + channel;
  }
}
