package org.anxin.sim.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.anxin.sim.fleet.BrokerAddress;
import org.anxin.sim.protocol.Topics;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code broker_only} baseline: a platform-side subscriber on the same broker that only counts the bench's
 * telemetry and how long each took from its {@code ts} to arrival, so the broker's own share of the pipeline shows
 * beside what the gateway commits.
 */
public final class CountingSubscriber implements AutoCloseable {

  private final Mqtt5AsyncClient client;
  private final String idPrefix;
  private final LongAdder received = new LongAdder();
  private final AtomicLong lastMs = new AtomicLong();
  private final Latency latency = new Latency();

  /** What the subscriber saw. */
  public record Result(long received, long lastReceivedMs, Latency.Percentiles publishToDelivery) {
  }

  public CountingSubscriber(BrokerAddress broker, String user, String password, String idPrefix) {
    this.idPrefix = idPrefix;
    Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
        .identifier("anxin-bench-counter-" + UUID.randomUUID().toString().substring(0, 8))
        .serverHost(broker.host()).serverPort(broker.port());
    if (user != null) {
      builder = builder.simpleAuth().username(user)
          .password(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
    }
    this.client = builder.buildAsync();
  }

  public CountingSubscriber start(MqttQos qos) {
    client.connectWith().cleanStart(true).send().orTimeout(30, TimeUnit.SECONDS).join();
    client.subscribeWith().topicFilter(Topics.PREFIX + "+/telemetry").qos(qos).callback(this::count).send()
        .orTimeout(30, TimeUnit.SECONDS).join();
    return this;
  }

  private void count(Mqtt5Publish publish) {
    String deviceId = Topics.deviceIdOf(publish.getTopic().toString());
    if (deviceId == null || !deviceId.startsWith(idPrefix)) {
      return;
    }
    long now = System.currentTimeMillis();
    received.increment();
    lastMs.accumulateAndGet(now, Math::max);
    try {
      JsonObject body = Buffer.buffer(publish.getPayloadAsBytes()).toJsonObject();
      latency.recordMillis(now - body.getLong("ts", now));
    } catch (RuntimeException notJson) {
      latency.recordMillis(0);
    }
  }

  public Result result() {
    return new Result(received.sum(), lastMs.get(), latency.percentiles());
  }

  @Override
  public void close() {
    client.disconnect().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
  }
}
