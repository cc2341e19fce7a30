package org.anxin.dispatcher.notify;

import io.vertx.core.json.JsonObject;

/** The details of a notification's alarm events: step, recipient and channel, never the phone number. */
final class Deliveries {

  private Deliveries() {
  }

  static JsonObject details(Notification n) {
    return new JsonObject().put("step", n.step()).put("recipient", n.recipient()).put("name", n.recipientName())
        .put("userId", n.userId()).put("channel", n.channel().name()).put("key", n.key());
  }
}
