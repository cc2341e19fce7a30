package org.anxin.dispatcher.notify;

import io.vertx.core.Future;

/** One way of reaching a person. The future fails when the notification could not be delivered. */
public interface Channel {

  ChannelKind kind();

  /** Delivers the notification; a channel that honours {@link Notification#key()} drops a repeat. */
  Future<Void> deliver(Notification notification);
}
