package org.anxin.sim.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One AMI packet: {@code Key: Value} lines ended by CRLF and a blank line. Keys may repeat (an Originate carries one
 * {@code Variable} line per variable); lookups ignore case as Asterisk does.
 */
public final class AmiMessage {

  private final List<Map.Entry<String, String>> headers = new ArrayList<>();

  public static AmiMessage parse(String packet) {
    AmiMessage message = new AmiMessage();
    for (String line : packet.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        message.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return message;
  }

  public static AmiMessage event(String name) {
    return new AmiMessage().add("Event", name);
  }

  public static AmiMessage response(String status, String actionId) {
    AmiMessage m = new AmiMessage().add("Response", status);
    return actionId == null ? m : m.add("ActionID", actionId);
  }

  /** Adds a header; a value with a line break is cut there, as one header is one line. */
  public AmiMessage add(String key, Object value) {
    String text = value == null ? "" : value.toString();
    int cut = text.indexOf('\r') >= 0 ? text.indexOf('\r') : text.indexOf('\n');
    headers.add(Map.entry(key, cut >= 0 ? text.substring(0, cut) : text));
    return this;
  }

  public String get(String key) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst()
        .orElse(null);
  }

  public String get(String key, String fallback) {
    String v = get(key);
    return v == null || v.isEmpty() ? fallback : v;
  }

  public List<String> all(String key) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).toList();
  }

  public String encode() {
    StringBuilder out = new StringBuilder();
    headers.forEach(h -> out.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
    return out.append("\r\n").toString();
  }

  @Override
  public String toString() {
    return encode();
  }
}
