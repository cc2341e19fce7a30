package org.anxin.gateway.decode;

/**
 * A message of the {@code event}, {@code status} or {@code reply} channel, stored in {@code device_events}.
 * {@code type} is the event type, {@code ONLINE}/{@code OFFLINE} for a status or {@code REPLY}; {@code payload} is
 * the message's JSON as received (unknown fields included); {@code status} is set for the status channel only.
 */
public record DeviceEvent(Envelope envelope, Channel channel, String type, String sensor, Double lat, Double lon,
                          Double acc, String payload, StatusFields status) implements Decoded {
}
