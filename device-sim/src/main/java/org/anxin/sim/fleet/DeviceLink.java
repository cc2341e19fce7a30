package org.anxin.sim.fleet;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.vertx.core.json.JsonObject;
import org.anxin.sim.protocol.BootSession;
import org.anxin.sim.protocol.Channel;
import org.anxin.sim.protocol.Command;
import org.anxin.sim.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One device's MQTT 5 connection with its own credentials (username = device id, password = secret), a Last Will on
 * its status topic and a persistent session, so a broker restart loses nothing: the HiveMQ client resends what was
 * not acknowledged when it reconnects, and a message whose session the broker lost is published again here.
 * All links of a process share the HiveMQ client's event loops, which is what lets 10,000 of them fit in one JVM.
 */
public final class DeviceLink {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceLink.class);

  private final DeviceCredentials device;
  private final LinkOptions options;
  private final SimStats stats;
  private final BootSession session;
  private final Mqtt5AsyncClient client;
  private final CopyOnWriteArrayList<Runnable> onConnected = new CopyOnWriteArrayList<>();
  private final AtomicBoolean up = new AtomicBoolean();
  private volatile CompletableFuture<Void> down = new CompletableFuture<>();
  private volatile Consumer<Command> commandHandler;

  /** A new boot of the device; its MQTT client id is the device id, as brokers require of devices. */
  public DeviceLink(DeviceCredentials device, BrokerAddress broker, LinkOptions options, SimStats stats) {
    this.device = device;
    this.options = options;
    this.stats = stats;
    this.session = BootSession.fresh();
    this.client = newClient(broker);
  }

  private Mqtt5AsyncClient newClient(BrokerAddress broker) {
    Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
        .identifier(device.deviceId())
        .serverHost(broker.host())
        .serverPort(broker.port())
        .simpleAuth().username(device.deviceId()).password(device.secret().getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth()
        .willPublish().topic(topic(Channel.STATUS)).qos(MqttQos.AT_LEAST_ONCE)
        .payload(session.will().toBuffer().getBytes()).applyWillPublish()
        .addConnectedListener(ctx -> connected())
        .addDisconnectedListener(this::disconnected);
    if (options.reconnect()) {
      builder = builder.automaticReconnect()
          .initialDelay(options.reconnectMin().toMillis(), TimeUnit.MILLISECONDS)
          .maxDelay(options.reconnectMax().toMillis(), TimeUnit.MILLISECONDS)
          .applyAutomaticReconnect();
    }
    return builder.buildAsync();
  }

  public DeviceCredentials device() {
    return device;
  }

  public BootSession session() {
    return session;
  }

  public String topic(Channel channel) {
    return Topics.of(device.deviceId(), channel);
  }

  /** Runs after every successful (re)connection, e.g. to announce {@code online:true}. */
  public void onConnected(Runnable action) {
    onConnected.add(action);
  }

  /** Connects with a persistent session; the future fails when the broker refuses or cannot be reached. */
  public CompletableFuture<Mqtt5ConnAck> connect() {
    return client.connectWith()
        .cleanStart(false)
        .sessionExpiryInterval(options.sessionExpirySeconds())
        .keepAlive(options.keepAliveSeconds())
        .send();
  }

  /** Receives the commands on {@code cmd}; the subscription lives in the persistent session. */
  public CompletableFuture<Void> subscribeCommands(Consumer<Command> handler) {
    if (commandHandler == null) {
      client.publishes(MqttGlobalPublishFilter.ALL, publish -> handleCommand(publish.getPayloadAsBytes()));
    }
    commandHandler = handler;
    return client.subscribeWith().topicFilter(topic(Channel.CMD)).qos(MqttQos.AT_LEAST_ONCE).send()
        .thenApply(ack -> null);
  }

  /** Stamps {@code body} with ts, seq and boot and publishes it on the channel. */
  public CompletableFuture<Mqtt5PublishResult> publish(Channel channel, JsonObject body) {
    return publishRaw(topic(channel), session.stamp(body).toBuffer().getBytes(), channel.qos(options.telemetryQos()));
  }

  /** As {@link #publish} for a reading measured at {@code tsMs}. */
  public CompletableFuture<Mqtt5PublishResult> publishAt(Channel channel, JsonObject body, long tsMs) {
    return publishRaw(topic(channel), session.stamp(body, tsMs).toBuffer().getBytes(),
        channel.qos(options.telemetryQos()));
  }

  /** Publishes bytes as they are, to any topic; the bad-device kinds need exactly that. */
  public CompletableFuture<Mqtt5PublishResult> publishRaw(String topic, byte[] payload, MqttQos qos) {
    stats.sentOne();
    CompletableFuture<Mqtt5PublishResult> result = new CompletableFuture<>();
    send(topic, payload, qos, result);
    return result;
  }

  private void send(String topic, byte[] payload, MqttQos qos, CompletableFuture<Mqtt5PublishResult> result) {
    client.publishWith().topic(topic).qos(qos).payload(payload).send().whenComplete((done, failure) -> {
      if (failure instanceof MqttSessionExpiredException) {
        stats.resentOne();
        send(topic, payload, qos, result);
      } else if (failure != null) {
        // a refusing PUBACK (e.g. NOT_AUTHORIZED) arrives here as an Mqtt5PubAckException
        stats.errorOne();
        result.completeExceptionally(failure);
      } else {
        stats.ackedOne();
        result.complete(done);
      }
    });
  }

  /** A goodbye: DISCONNECT, so the broker does not publish the Will. */
  public CompletableFuture<Void> disconnect() {
    return client.disconnect().exceptionally(e -> null);
  }

  /** Completes when the current connection is lost or closed (at once when there is none). */
  public CompletableFuture<Void> whenDisconnected() {
    return up.get() ? down : CompletableFuture.completedFuture(null);
  }

  public boolean isConnected() {
    return up.get();
  }

  private void connected() {
    if (up.compareAndSet(false, true)) {
      down = new CompletableFuture<>();
      stats.connectedOne();
    }
    onConnected.forEach(Runnable::run);
  }

  /** Also called for each failed attempt to connect, hence the flag. */
  private void disconnected(MqttClientDisconnectedContext ctx) {
    if (up.compareAndSet(true, false)) {
      stats.disconnectedOne();
      down.complete(null);
      LOG.debug("{} disconnected: {}", device.deviceId(), String.valueOf(ctx.getCause()));
    }
    if (options.reconnect() && takenOver(ctx.getCause())) {
      LOG.info("{}: another connection took the session over; back in {}", device.deviceId(),
          options.takenOverBackoff());
      ctx.getReconnector().delay(options.takenOverBackoff().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static boolean takenOver(Throwable cause) {
    return cause instanceof Mqtt5DisconnectException d
        && d.getMqttMessage().getReasonCode() == Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER;
  }

  private void handleCommand(byte[] payload) {
    stats.commandOne();
    try {
      commandHandler.accept(Command.parse(payload));
    } catch (IllegalArgumentException e) {
      LOG.warn("{} ignored a command it could not read: {}", device.deviceId(), e.getMessage());
    }
  }
}
