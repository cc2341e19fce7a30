package org.anxin.gateway.decode;

import java.util.regex.Pattern;

/** A device topic, {@code anxin/v1/dev/{deviceId}/{channel}}, read and checked. */
public record Topic(String deviceId, Channel channel) {

  public static final String PREFIX = "anxin/v1/dev/";
  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{3,64}");

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
    if (!DEVICE_ID.matcher(deviceId).matches()) {
      throw new MessageRejectedException(RejectReason.BAD_DEVICE_ID, "device id does not match [A-Za-z0-9_-]{3,64}");
    }
    return new Topic(deviceId, channel);
  }
}
