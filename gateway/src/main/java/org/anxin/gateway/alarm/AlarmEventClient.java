package org.anxin.gateway.alarm;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.mqtt.PahoClients;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The alarm path's own MQTT 5 session on the device {@code event} channel, in a shared group of its own: the broker
 * gives every event to this group as well as to the storage group, so an SOS reaches the rules at once even while
 * the storage session is held back by a telemetry backlog or a database outage. Persistent session, QoS 1, manual
 * acknowledgement once the event's alarms are in the outbox. Each message goes to the rules' event loop; Paho's
 * blocking calls run on one worker thread.
 */
final class AlarmEventClient implements MqttCallback {

  static final String SHARED_EVENTS = "$share/anxin-alarms/anxin/v1/dev/+/event";
  private static final Logger LOG = LoggerFactory.getLogger(AlarmEventClient.class);

  private final MqttAsyncClient client;
  private final MqttConnectionOptions connectOptions;
  private final WorkerExecutor pahoCalls;
  private final AtomicInteger connection = new AtomicInteger();
  private Context context;
  private Handler<EventArrival> handler;

  AlarmEventClient(Vertx vertx, MqttOptions mqtt, AlarmRulesOptions options) throws MqttException {
    client = PahoClients.asyncClient(mqtt, options.eventClientId());
    client.setManualAcks(true);
    client.setCallback(this);
    connectOptions = PahoClients.connectionOptions(mqtt);
    connectOptions.setCleanStart(false);
    connectOptions.setSessionExpiryInterval(options.eventSessionExpiry().toSeconds());
    pahoCalls = vertx.createSharedWorkerExecutor("anxin-alarms-paho-" + options.eventClientId(), 1);
  }

  /** Connects and subscribes; events go to {@code handler} on the calling event loop. */
  Future<Void> start(Context eventLoop, Handler<EventArrival> onEvent) {
    this.context = eventLoop;
    this.handler = onEvent;
    return pahoCalls.executeBlocking(() -> {
      client.connect(connectOptions).waitForCompletion();
      subscribe();
      return null;
    });
  }

  /** Acknowledges an event of the current connection; one of an older connection is resent by the broker. */
  void ack(EventArrival event) {
    pahoCalls.executeBlocking(() -> {
      if (event.qos() > 0 && event.connection() == connection.get()) {
        client.messageArrivedComplete(event.packetId(), event.qos());
      }
      return null;
    }).onFailure(e -> LOG.debug("An alarm event's acknowledgement was lost with its connection", e));
  }

  Future<Void> stop() {
    return pahoCalls.<Void>executeBlocking(() -> {
      try {
        if (client.isConnected()) {
          client.disconnect(5_000).waitForCompletion(6_000);
        }
      } finally {
        client.close(true);
      }
      return null;
    }).eventually(pahoCalls::close);
  }

  private void subscribe() throws MqttException {
    client.subscribe(SHARED_EVENTS, 1).waitForCompletion();
    LOG.info("Alarm rules subscribed to {} on {}", SHARED_EVENTS, client.getCurrentServerURI());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    EventArrival event = new EventArrival(topic, message.getPayload(), message.getId(), message.getQos(),
        System.currentTimeMillis(), connection.get());
    context.runOnContext(v -> handler.handle(event));
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    connection.incrementAndGet();
    LOG.warn("The alarm rules lost the broker: {}", response);
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    if (reconnect) {
      pahoCalls.executeBlocking(() -> {
        subscribe();
        return null;
      }).onFailure(e -> LOG.error("The alarm rules could not subscribe again after reconnecting", e));
    }
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("MQTT error in the alarm rules' session", exception);
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
    // Nothing is published on this session.
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
    // No enhanced authentication is configured.
  }
}
