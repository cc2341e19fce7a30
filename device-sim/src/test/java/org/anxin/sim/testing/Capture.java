package org.anxin.sim.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.anxin.sim.fleet.BrokerAddress;
import org.anxin.sim.protocol.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The platform's side in tests: a subscriber on every device topic that keeps what arrives, and can send commands.
 * With a persistent session it also receives what the broker queued for it while it was away.
 */
public final class Capture implements AutoCloseable {

  /** One message as it arrived. */
  public record Received(String topic, String deviceId, String channel, byte[] payload) {

    public JsonObject json() {
      return Buffer.buffer(payload).toJsonObject();
    }

    public boolean isJson() {
      try {
        json();
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }

    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final Mqtt5AsyncClient client;
  private final List<Received> received = new ArrayList<>();

  private Capture(BrokerAddress broker, boolean persistent) {
    client = MqttClient.builder().useMqttVersion5()
        .identifier("capture-" + UUID.randomUUID().toString().substring(0, 8))
        .serverHost(broker.host()).serverPort(broker.port())
        .simpleAuth().username(PrivateMosquitto.PLATFORM_USER)
        .password(PrivateMosquitto.PLATFORM_PASSWORD.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
        .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
        .applyAutomaticReconnect()
        .buildAsync();
    client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, this::keep);
    client.connectWith().cleanStart(!persistent).sessionExpiryInterval(persistent ? 600 : 0).send().join();
    client.subscribeWith().topicFilter(Topics.PREFIX + "#").qos(MqttQos.AT_LEAST_ONCE).send().join();
  }

  public static Capture on(BrokerAddress broker) {
    return new Capture(broker, false);
  }

  public static Capture persistentOn(BrokerAddress broker) {
    return new Capture(broker, true);
  }

  private synchronized void keep(Mqtt5Publish publish) {
    String topic = publish.getTopic().toString();
    received.add(new Received(topic, Topics.deviceIdOf(topic), Topics.channelOf(topic), publish.getPayloadAsBytes()));
    notifyAll();
  }

  /** Waits until {@code count} messages match, and returns them in arrival order. */
  public synchronized List<Received> await(Predicate<Received> match, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    List<Received> found = matching(match);
    while (found.size() < count) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " matching messages within " + timeout + ", got "
            + found.size() + "; all: " + received.stream().map(r -> r.topic() + " " + r.text()).toList());
      }
      wait(left);
      found = matching(match);
    }
    return found;
  }

  public Received awaitOne(Predicate<Received> match, Duration timeout) throws InterruptedException {
    return await(match, 1, timeout).get(0);
  }

  public synchronized List<Received> matching(Predicate<Received> match) {
    return received.stream().filter(match).toList();
  }

  /** Sends a command on a device's {@code cmd} topic. */
  public void command(String deviceId, JsonObject command) {
    client.publishWith().topic(Topics.PREFIX + deviceId + "/cmd").qos(MqttQos.AT_LEAST_ONCE)
        .payload(command.toBuffer().getBytes()).send().join();
  }

  public static Predicate<Received> from(String deviceId, String channel) {
    return r -> deviceId.equals(r.deviceId()) && channel.equals(r.channel());
  }

  @Override
  public void close() {
    client.disconnect().exceptionally(e -> null).join();
  }
}
