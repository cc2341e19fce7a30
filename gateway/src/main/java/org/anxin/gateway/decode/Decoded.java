package org.anxin.gateway.decode;

/** A device message that passed every check, ready to store. */
public sealed interface Decoded permits TelemetryReading, DeviceEvent {

  Envelope envelope();

  Channel channel();
}
