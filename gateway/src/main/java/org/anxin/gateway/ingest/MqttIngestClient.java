package org.anxin.gateway.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.anxin.gateway.GatewayOptions;
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

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's MQTT 5 session: persistent (clean start off, long session expiry), manual acknowledgements, QoS 1
 * on the shared subscription. Paho delivers every message to the one global callback below (it does not call
 * per-subscription listeners for shared subscriptions), which only hands it to the {@link Inbox}. Paho's blocking
 * calls (connect, subscribe, acknowledge, disconnect) run on one worker thread, in order.
 */
final class MqttIngestClient implements MqttCallback {

  static final String SHARED_TOPIC = "$share/anxin-gateway/anxin/v1/dev/+/+";
  private static final Logger LOG = LoggerFactory.getLogger(MqttIngestClient.class);

  private final MqttAsyncClient client;
  private final MqttConnectionOptions connectOptions;
  private final WorkerExecutor pahoCalls;
  private final AtomicInteger connection = new AtomicInteger();
  private volatile Inbox inbox;

  MqttIngestClient(Vertx vertx, MqttOptions mqtt, GatewayOptions options) throws MqttException {
    client = PahoClients.asyncClient(mqtt, options.clientId());
    client.setManualAcks(true);
    client.setCallback(this);
    connectOptions = PahoClients.connectionOptions(mqtt);
    connectOptions.setCleanStart(false);
    connectOptions.setSessionExpiryInterval(options.sessionExpirySeconds());
    connectOptions.setReceiveMaximum(options.receiveMaximum());
    pahoCalls = vertx.createSharedWorkerExecutor("anxin-gateway-paho-" + options.clientId(), 1);
  }

  Future<Void> start(Inbox target) {
    this.inbox = target;
    return pahoCalls.<Void>executeBlocking(() -> {
      client.connect(connectOptions).waitForCompletion();
      subscribe();
      return null;
    });
  }

  boolean isConnected() {
    return client.isConnected();
  }

  /** Acknowledges committed messages of the current connection, in order; the broker resends the others. */
  Future<Void> ack(List<InboundMessage> committed) {
    return pahoCalls.<Void>executeBlocking(() -> {
      int current = connection.get();
      try {
        for (InboundMessage m : committed) {
          if (m.qos() > 0 && m.connection() == current) {
            client.messageArrivedComplete(m.packetId(), m.qos());
          }
        }
      } catch (MqttException e) {
        LOG.debug("Acknowledgements stopped by a lost connection; the broker resends those messages", e);
      }
      return null;
    });
  }

  /** Leaves without acknowledging anything more: what was not committed is resent on the next connection. */
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
    client.subscribe(SHARED_TOPIC, 1).waitForCompletion();
    LOG.info("Gateway subscribed to {} on {}", SHARED_TOPIC, client.getCurrentServerURI());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
    inbox.put(new InboundMessage(topic, message.getPayload(), message.getId(), message.getQos(),
        System.currentTimeMillis(), connection.get()));
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    connection.incrementAndGet();
    LOG.warn("Gateway lost the broker: {}", response);
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    if (reconnect) {
      LOG.info("Gateway reconnected to {}", serverUri);
      pahoCalls.executeBlocking(() -> {
        subscribe();
        return null;
      }).onFailure(e -> LOG.error("Gateway could not subscribe again after reconnecting", e));
    }
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("MQTT error in the gateway's session", exception);
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
    // The gateway publishes nothing on this client.
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
    // No enhanced authentication is configured.
  }
}
