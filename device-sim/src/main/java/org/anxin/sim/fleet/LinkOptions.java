package org.anxin.sim.fleet;

import com.hivemq.client.mqtt.datatypes.MqttQos;

import java.time.Duration;

/**
 * How a device connects: telemetry QoS, the persistent session's expiry, keep-alive and automatic reconnect delays
 * ({@code reconnect == false} for scenarios that manage the connection themselves).
 */
public record LinkOptions(MqttQos telemetryQos, long sessionExpirySeconds, int keepAliveSeconds,
                          Duration reconnectMin, Duration reconnectMax, boolean reconnect) {

  public static LinkOptions defaults() {
    return new LinkOptions(MqttQos.AT_LEAST_ONCE, 86_400, 60, Duration.ofSeconds(1), Duration.ofSeconds(30), true);
  }

  public LinkOptions withTelemetryQos(MqttQos qos) {
    return new LinkOptions(qos, sessionExpirySeconds, keepAliveSeconds, reconnectMin, reconnectMax, reconnect);
  }

  public LinkOptions withReconnect(Duration min, Duration max) {
    return new LinkOptions(telemetryQos, sessionExpirySeconds, keepAliveSeconds, min, max, true);
  }

  public LinkOptions withoutReconnect() {
    return new LinkOptions(telemetryQos, sessionExpirySeconds, keepAliveSeconds, reconnectMin, reconnectMax, false);
  }

  public static MqttQos qos(int level) {
    return switch (level) {
      case 0 -> MqttQos.AT_MOST_ONCE;
      case 1 -> MqttQos.AT_LEAST_ONCE;
      default -> throw new IllegalArgumentException("telemetry QoS is 0 or 1, not " + level);
    };
  }
}
