package org.anxin.gateway.decode;

/**
 * A message's identity and times. {@code seq} is {@code null} only for a Last Will; {@code ts} is the device's
 * time, or the arrival time when the device's clock was off ({@code clockSkewed}) or the message is a Last Will.
 */
public record Envelope(String deviceId, String boot, Long seq, long ts, long receivedAt, boolean clockSkewed) {
}
