package org.anxin.dispatcher.notify;

import io.vertx.core.Future;

/** Whoever sends SMS for us; the future fails when the message could not be handed over (after any retries). */
public interface SmsProvider {

  Future<Void> send(SmsMessage message);
}
