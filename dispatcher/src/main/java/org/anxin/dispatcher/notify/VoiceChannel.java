package org.anxin.dispatcher.notify;

import io.vertx.core.Future;
import org.anxin.infra.bus.hotline.HotlineBus;
import org.anxin.infra.bus.hotline.OriginateRequest;

import java.time.Duration;

/**
 * Voice calls placed by the hotline ({@code hotline.originate}). No hotline, a failure, no answer in time or a call
 * nobody picked up is a failed delivery; the escalation goes on.
 */
public final class VoiceChannel implements Channel {

  private final HotlineBus hotline;
  private final Duration timeout;

  public VoiceChannel(HotlineBus hotline, Duration timeout) {
    this.hotline = hotline;
    this.timeout = timeout;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.VOICE;
  }

  @Override
  public Future<Void> deliver(Notification n) {
    String purpose = n.recipient().startsWith("elder:") ? "ALARM_CALLBACK" : "ALARM_ALERT";
    return hotline.originate(new OriginateRequest(n.key(), n.address(), purpose, n.alarmId(), n.elderId(), n.body()),
        timeout).compose(reply -> reply.answered() ? Future.succeededFuture()
        : Future.failedFuture("call not answered: " + reply.detail()));
  }
}
