package org.anxin.gateway.testing;

/** Device messages as devices send them, for tests. */
public final class Payloads {

  private Payloads() {
  }

  public static String topic(String deviceId, String channel) {
    return "anxin/v1/dev/" + deviceId + "/" + channel;
  }

  public static String telemetry(String boot, long seq) {
    return "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + seq + ",\"boot\":\"" + boot + "\","
        + "\"lat\":30.2741,\"lon\":120.1551,\"acc\":12.5,\"src\":\"gnss\",\"hr\":71,\"spo2\":97,\"bat\":" + (seq % 100)
        + ",\"steps\":" + seq + ",\"motion\":true,\"temp\":36.5,\"worn\":true}";
  }

  public static String event(String boot, long seq, String type) {
    return "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + seq + ",\"boot\":\"" + boot + "\",\"type\":\""
        + type + "\",\"lat\":30.1,\"lon\":120.2,\"acc\":5}";
  }

  public static String status(String boot, long seq, boolean online) {
    return "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + seq + ",\"boot\":\"" + boot + "\",\"online\":"
        + online + ",\"bat\":80,\"fw\":\"1.4.2\",\"interval\":60}";
  }

  public static String reply(String boot, long seq) {
    return "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + seq + ",\"boot\":\"" + boot
        + "\",\"id\":\"cmd-1\",\"ok\":true,\"detail\":\"located\"}";
  }
}
