package org.anxin.gateway.decode;

/** The topic's last segment; {@code cmd} goes the other way (platform to device) and is not ingested. */
public enum Channel {
  TELEMETRY("telemetry"),
  EVENT("event"),
  STATUS("status"),
  REPLY("reply"),
  CMD("cmd");

  private final String segment;

  Channel(String segment) {
    this.segment = segment;
  }

  public String segment() {
    return segment;
  }

  /** The channel a topic segment names, or {@code null}. */
  static Channel of(String segment) {
    for (Channel c : values()) {
      if (c.segment.equals(segment)) {
        return c;
      }
    }
    return null;
  }
}
