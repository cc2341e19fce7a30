package org.anxin.gateway.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.mqtt.PahoClients;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway's MQTT 5 session on one shared subscription: persistent (clean start off, a long session expiry), QoS 1,
 * manual acknowledgements, so a message the gateway has not made durable is resent after a crash or a lost
 * connection. Paho delivers every message to the one global callback below (it does not call per-subscription
 * listeners for shared subscriptions), which hands it to the {@link Receiver}. Connecting (tried until it succeeds),
 * subscribing, acknowledging and disconnecting go through {@link PahoConnection}, on one worker thread, in order.
 */
public final class ManualAckSession implements MqttCallback {

  /** Takes a message on Paho's thread; waiting in it holds Paho back, which is how back-pressure reaches the broker. */
  @FunctionalInterface
  public interface Receiver {
    void arrived(Arrival arrival) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ManualAckSession.class);
  private static final long SUBSCRIBE_TIMEOUT_MS = 10_000;

  private final String name;
  private final String topicFilter;
  private final PahoConnection paho;
  private final AtomicInteger connection = new AtomicInteger();
  private volatile Receiver receiver;

  /**
   * @param name who holds the session, for the log ("Gateway", "Alarm rules")
   * @param receiveMaximum unacknowledged QoS 1 messages the broker may send at once (MQTT 5 Receive Maximum)
   */
  public ManualAckSession(Vertx vertx, MqttOptions mqtt, String name, String clientId, String topicFilter,
                          Duration sessionExpiry, int receiveMaximum) throws MqttException {
    this.name = name;
    this.topicFilter = topicFilter;
    MqttConnectionOptions connectOptions = PahoClients.connectionOptions(mqtt);
    connectOptions.setCleanStart(false);
    connectOptions.setSessionExpiryInterval(sessionExpiry.toSeconds());
    connectOptions.setReceiveMaximum(receiveMaximum);
    paho = new PahoConnection(vertx, mqtt, clientId, name, connectOptions);
    paho.client().setManualAcks(true);
    paho.client().setCallback(this);
  }

  /**
   * Connects and subscribes; completes after the first attempt, whether or not it reached the broker (see
   * {@link #isConnected()}): a failed attempt is retried in the background until {@link #stop()}.
   */
  public Future<Void> start(Receiver target) {
    this.receiver = target;
    return paho.start(this::subscribe);
  }

  public String topicFilter() {
    return topicFilter;
  }

  public boolean isConnected() {
    return paho.isConnected();
  }

  /** Acknowledges the messages of the current connection, in order; the broker resends those of an older one. */
  public Future<Void> ack(List<Arrival> arrivals) {
    return paho.call(() -> {
      int current = connection.get();
      try {
        for (Arrival a : arrivals) {
          if (a.qos() > 0 && a.connection() == current) {
            paho.client().messageArrivedComplete(a.packetId(), a.qos());
          }
        }
      } catch (MqttException e) {
        LOG.debug("{}: acknowledgements stopped by a lost connection; the broker resends those messages", name, e);
      }
      return null;
    });
  }

  /** Leaves without acknowledging anything more: what was not acknowledged is resent on the next connection. */
  public Future<Void> stop() {
    return paho.stop();
  }

  private void subscribe() throws MqttException {
    paho.client().subscribe(topicFilter, 1).waitForCompletion(SUBSCRIBE_TIMEOUT_MS);
    LOG.info("{} subscribed to {} on {}", name, topicFilter, paho.client().getCurrentServerURI());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
    receiver.arrived(new Arrival(topic, message.getPayload(), message.getId(), message.getQos(),
        System.currentTimeMillis(), connection.get()));
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    connection.incrementAndGet();
    LOG.warn("{} lost the MQTT broker: {}", name, response);
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    if (reconnect) {
      LOG.info("{} reconnected to {}", name, serverUri);
      paho.call(() -> {
        subscribe();
        return null;
      }).onFailure(e -> LOG.error("{} could not subscribe again after reconnecting", name, e));
    }
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("MQTT error in the session of {}", name, exception);
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
