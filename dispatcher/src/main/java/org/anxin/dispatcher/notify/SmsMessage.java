package org.anxin.dispatcher.notify;

/** One SMS; {@code key} is the idempotency key the provider uses to drop a repeat. */
public record SmsMessage(String key, String phone, String text) {
}
