package org.anxin.infra.devices;

/** What the broker needs to let a device in: its secret's hash and whether it is enabled. */
public record DeviceLogin(String id, String secretHash, boolean enabled) {
}
