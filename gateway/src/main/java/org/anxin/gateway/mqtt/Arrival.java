package org.anxin.gateway.mqtt;

/**
 * A message as Paho handed it over. {@code connection} numbers the MQTT connection it came on: a packet id is only
 * meaningful on its own connection, so a message is acknowledged only if that connection is still the current one
 * (otherwise the broker resends it on the new connection and that copy is acknowledged instead).
 */
public record Arrival(String topic, byte[] payload, int packetId, int qos, long receivedAt, int connection) {
}
