package org.anxin.infra.mqtt;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A test's MQTT subscriber: a client subscribed to one topic filter at QoS 1, handing what arrives to its inbox. */
public final class Subscriber implements AutoCloseable {

  private final MqttClient client;
  private final Inbox inbox;

  private Subscriber(MqttClient client, Inbox inbox) {
    this.client = client;
    this.inbox = inbox;
  }

  /** Connects as {@code clientId} with {@code options} and returns once the broker has answered the subscription. */
  public static Subscriber start(String url, String clientId, MqttConnectionOptions options, String filter,
                                 Inbox inbox) throws MqttException {
    MqttClient client = MqttClients.connect(url, clientId, options, inbox);
    try {
      client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
    } catch (MqttException e) {
      MqttClients.closeQuietly(client);
      throw e;
    }
    return new Subscriber(client, inbox);
  }

  public Inbox inbox() {
    return inbox;
  }

  @Override
  public void close() {
    MqttClients.closeQuietly(client);
  }
}
