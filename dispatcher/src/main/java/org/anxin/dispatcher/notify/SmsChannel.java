package org.anxin.dispatcher.notify;

import io.vertx.core.Future;

/** SMS through the configured {@link SmsProvider}. */
public final class SmsChannel implements Channel {

  private final SmsProvider provider;

  public SmsChannel(SmsProvider provider) {
    this.provider = provider;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.SMS;
  }

  @Override
  public Future<Void> deliver(Notification n) {
    return provider.send(new SmsMessage(n.key(), n.address(), n.body()));
  }
}
