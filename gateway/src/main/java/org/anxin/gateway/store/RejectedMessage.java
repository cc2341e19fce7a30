package org.anxin.gateway.store;

/** A refused message as kept in {@code rejected_messages}, raw bytes included. */
public record RejectedMessage(long receivedAt, String topic, String deviceId, String reason, String detail,
                              byte[] payload) {
}
