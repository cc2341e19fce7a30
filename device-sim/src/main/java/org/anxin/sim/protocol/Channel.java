package org.anxin.sim.protocol;

import com.hivemq.client.mqtt.datatypes.MqttQos;

/** The channels of device protocol v1 and the QoS a device uses on each (telemetry's is configurable). */
public enum Channel {
  TELEMETRY("telemetry"),
  EVENT("event"),
  STATUS("status"),
  REPLY("reply"),
  CMD("cmd");

  private final String path;

  Channel(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  /** Events, status and replies must not be lost, so they are always QoS 1. */
  public MqttQos qos(MqttQos telemetryQos) {
    return this == TELEMETRY ? telemetryQos : MqttQos.AT_LEAST_ONCE;
  }
}
