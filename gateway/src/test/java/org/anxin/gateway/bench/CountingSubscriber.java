package org.anxin.gateway.bench;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.util.concurrent.atomic.AtomicLong;

/** The broker's ceiling: a Paho subscriber on the gateway's kind of subscription that only counts. */
final class CountingSubscriber implements MqttCallback, AutoCloseable {

  private final MqttAsyncClient client;
  private final AtomicLong received = new AtomicLong();

  CountingSubscriber(String url, int receiveMaximum) throws MqttException {
    client = new MqttAsyncClient(url, "bench-counter-" + System.nanoTime(), new MemoryPersistence());
    client.setCallback(this);
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setReceiveMaximum(receiveMaximum);
    client.connect(o).waitForCompletion(10_000);
    client.subscribe("$share/bench/anxin/v1/dev/+/+", 1).waitForCompletion(10_000);
  }

  long received() {
    return received.get();
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    received.incrementAndGet();
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(10_000);
    client.close();
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    // The benchmark reads the count; a lost connection shows as a low figure.
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    // As above.
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
    // Publishes nothing.
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    // Connects once.
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
    // No enhanced authentication.
  }
}
