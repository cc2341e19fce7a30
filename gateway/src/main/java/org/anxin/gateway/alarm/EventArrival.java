package org.anxin.gateway.alarm;

/** One device event as the alarm path's own MQTT session received it; acknowledged once its alarms are durable. */
record EventArrival(String topic, byte[] payload, int packetId, int qos, long receivedAt, int connection) {
}
