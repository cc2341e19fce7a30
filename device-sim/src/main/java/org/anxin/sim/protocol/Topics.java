package org.anxin.sim.protocol;

/** Topic names of device protocol v1: {@code anxin/v1/dev/{deviceId}/{channel}}. */
public final class Topics {

  public static final String PREFIX = "anxin/v1/dev/";

  private Topics() {
  }

  public static String of(String deviceId, Channel channel) {
    return PREFIX + deviceId + "/" + channel.path();
  }

  /** The device id in a topic of this protocol, or {@code null} when the topic is not one. */
  public static String deviceIdOf(String topic) {
    if (!topic.startsWith(PREFIX)) {
      return null;
    }
    int slash = topic.indexOf('/', PREFIX.length());
    return slash < 0 ? null : topic.substring(PREFIX.length(), slash);
  }

  /** The channel path (last level) of a topic. */
  public static String channelOf(String topic) {
    return topic.substring(topic.lastIndexOf('/') + 1);
  }
}
