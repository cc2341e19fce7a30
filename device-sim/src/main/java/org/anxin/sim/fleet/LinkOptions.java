package org.anxin.sim.fleet;

import com.hivemq.client.mqtt.datatypes.MqttQos;

import java.time.Duration;

/**
 * How a device connects: telemetry QoS, the persistent session's expiry, keep-alive, automatic reconnect delays
 * ({@code reconnect == false} for scenarios that manage the connection themselves), and how long to stay away when
 * another connection of the same device takes the session over (a scenario playing a device of a running fleet:
 * the broker admits one connection per device id, so the fleet's device steps aside rather than fight for it).
 */
public record LinkOptions(MqttQos telemetryQos, long sessionExpirySeconds, int keepAliveSeconds,
                          Duration reconnectMin, Duration reconnectMax, boolean reconnect, Duration takenOverBackoff) {

  public static LinkOptions defaults() {
    return new LinkOptions(MqttQos.AT_LEAST_ONCE, 86_400, 60, Duration.ofSeconds(1), Duration.ofSeconds(30), true,
        Duration.ofMinutes(10));
  }

  public LinkOptions withTelemetryQos(MqttQos qos) {
    return new LinkOptions(qos, sessionExpirySeconds, keepAliveSeconds, reconnectMin, reconnectMax, reconnect,
        takenOverBackoff);
  }

  public LinkOptions withReconnect(Duration min, Duration max) {
    return new LinkOptions(telemetryQos, sessionExpirySeconds, keepAliveSeconds, min, max, true, takenOverBackoff);
  }

  public LinkOptions withoutReconnect() {
    return new LinkOptions(telemetryQos, sessionExpirySeconds, keepAliveSeconds, reconnectMin, reconnectMax, false,
        takenOverBackoff);
  }

  /** A scenario's own link takes its session back at once. */
  public LinkOptions insistingOnSession() {
    return new LinkOptions(telemetryQos, sessionExpirySeconds, keepAliveSeconds, reconnectMin, reconnectMax,
        reconnect, reconnectMin);
  }

  public static MqttQos qos(int level) {
    return switch (level) {
      case 0 -> MqttQos.AT_MOST_ONCE;
      case 1 -> MqttQos.AT_LEAST_ONCE;
      default -> throw new IllegalArgumentException("telemetry QoS is 0 or 1, not " + level);
    };
  }
}
