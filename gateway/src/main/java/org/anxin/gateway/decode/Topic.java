package org.anxin.gateway.decode;

/** A device topic, {@code anxin/v1/dev/{deviceId}/{channel}}, read and checked. */
public record Topic(String deviceId, Channel channel) {

  public static final String PREFIX = "anxin/v1/dev/";

  public static Topic parse(String topic) throws MessageRejectedException {
    if (topic == null || !topic.startsWith(PREFIX)) {
      throw new MessageRejectedException(RejectReason.BAD_TOPIC, "topic is not under " + PREFIX);
    }
    String rest = topic.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
      throw new MessageRejectedException(RejectReason.BAD_TOPIC, "topic is not " + PREFIX + "{deviceId}/{channel}");
    }
    String deviceId = rest.substring(0, slash);
    Channel channel = Channel.of(rest.substring(slash + 1));
    if (channel == null) {
      throw new MessageRejectedException(RejectReason.BAD_TOPIC, "unknown channel '" + rest.substring(slash + 1) + "'");
    }
    if (!isDeviceId(deviceId)) {
      throw new MessageRejectedException(RejectReason.BAD_DEVICE_ID, "device id does not match [A-Za-z0-9_-]{3,64}");
    }
    return new Topic(deviceId, channel);
  }

  /** {@code [A-Za-z0-9_-]{3,64}}, checked by hand: it runs for every message. */
  static boolean isDeviceId(String id) {
    if (id.length() < 3 || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
