package org.anxin.dispatcher.notify;

import io.vertx.core.Vertx;
import org.anxin.dispatcher.DispatcherOptions;
import org.anxin.infra.bus.hotline.HotlineBus;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.db.Database;

import java.time.Clock;
import java.util.List;

/** The channels as configured: the live stream, SMS by the chosen provider, voice through the hotline. */
public final class Channels {

  private Channels() {
  }

  public static List<Channel> create(Vertx vertx, DispatcherOptions options, Database database, Clock clock) {
    return List.of(new StreamChannel(new StreamBus(vertx.eventBus())),
        new SmsChannel(smsProvider(vertx, options, database, clock)),
        new VoiceChannel(new HotlineBus(vertx.eventBus()), options.voiceTimeout()));
  }

  /** The SMS provider as configured ({@code ANXIN_SMS_PROVIDER}). */
  public static SmsProvider smsProvider(Vertx vertx, DispatcherOptions options, Database database, Clock clock) {
    return options.smsProvider().equals("webhook")
        ? new WebhookSmsProvider(vertx, options.smsWebhookUrl(), options.smsAttempts(), options.smsBackoff(),
            options.smsTimeout(), database, clock)
        : new OutboxSmsProvider(database, clock);
  }
}
