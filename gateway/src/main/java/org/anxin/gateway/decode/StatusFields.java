package org.anxin.gateway.decode;

/** What a status message says beyond its type; {@code lastWill} when the broker sent it for a lost device. */
public record StatusFields(boolean online, Integer bat, String fw, Integer interval, boolean lastWill) {
}
