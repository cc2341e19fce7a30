package org.anxin.gateway.decode;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Reads one device message against "Device protocol v1": topic, registered device, size, UTF-8 JSON object,
 * identity ({@code ts}, {@code seq}, {@code boot}) and the channel's fields. Either returns the message or throws
 * {@link MessageRejectedException} with the reason; never stores anything itself.
 */
public final class MessageDecoder {

  public static final int MAX_PAYLOAD_BYTES = 4096;
  static final long MAX_AHEAD_MS = Duration.ofMinutes(5).toMillis();
  static final long MAX_BEHIND_MS = Duration.ofDays(7).toMillis();

  /**
   * Jackson's streaming codec: it reads the bytes as they are into a JsonObject, without the detour through
   * databind that Vert.x's default codec takes when databind is on the class path (measured: most of decoding).
   */
  private static final JacksonCodec JSON = new JacksonCodec();

  private final Predicate<String> registered;
  private final TelemetryDecoder telemetry = new TelemetryDecoder();
  private final EventDecoder events = new EventDecoder();

  /** @param registered whether a device id belongs to a registered, enabled device */
  public MessageDecoder(Predicate<String> registered) {
    this.registered = registered;
  }

  /** The message's channel when it is one the gateway ingests; {@code null} for the platform's own {@code cmd}. */
  public Decoded decode(String topicName, byte[] payload, long receivedAt) throws MessageRejectedException {
    Topic topic = Topic.parse(topicName);
    if (topic.channel() == Channel.CMD) {
      return null;
    }
    try {
      checkRegistered(topic);
      JsonObject json = parseObject(payload);
      Envelope envelope = readEnvelope(topic, json, receivedAt);
      return topic.channel() == Channel.TELEMETRY
          ? telemetry.decode(envelope, json)
          : events.decode(topic.channel(), envelope, json, new String(payload, StandardCharsets.UTF_8));
    } catch (MessageRejectedException e) {
      throw e.from(topic.deviceId());
    }
  }

  private void checkRegistered(Topic topic) throws MessageRejectedException {
    if (!registered.test(topic.deviceId())) {
      throw new MessageRejectedException(RejectReason.UNKNOWN_DEVICE, "no enabled device " + topic.deviceId());
    }
  }

  static JsonObject parseObject(byte[] payload) throws MessageRejectedException {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new MessageRejectedException(RejectReason.TOO_LARGE,
          payload.length + " bytes, more than " + MAX_PAYLOAD_BYTES);
    }
    if (!isUtf8(payload)) {
      throw new MessageRejectedException(RejectReason.NOT_UTF8, "payload is not valid UTF-8");
    }
    if (hasNulEscape(payload)) {
      throw new MessageRejectedException(RejectReason.BAD_TEXT, "a string holds \\u0000");
    }
    Object value;
    try {
      value = JSON.fromBuffer(Buffer.buffer(payload));
    } catch (DecodeException e) {
      throw new MessageRejectedException(RejectReason.NOT_JSON, "payload is not JSON");
    }
    if (!(value instanceof JsonObject object)) {
      throw new MessageRejectedException(RejectReason.NOT_OBJECT, "payload is JSON but not an object");
    }
    return object;
  }

  /** JSON may escape U+0000 inside a string; PostgreSQL cannot store it in text or jsonb, and would refuse the batch. */
  private static boolean hasNulEscape(byte[] p) {
    for (int i = 0; i + 5 < p.length; i++) {
      if (p[i] == '\\' && (p[i + 1] == 'u' || p[i + 1] == 'U') && p[i + 2] == '0' && p[i + 3] == '0'
          && p[i + 4] == '0' && p[i + 5] == '0') {
        return true;
      }
    }
    return false;
  }

  /** Device payloads are nearly always ASCII, which is UTF-8 as it stands; anything else gets the strict check. */
  private static boolean isUtf8(byte[] payload) {
    for (byte b : payload) {
      if (b < 0) {
        try {
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload));
          return true;
        } catch (CharacterCodingException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static Envelope readEnvelope(Topic topic, JsonObject json, long receivedAt) throws MessageRejectedException {
    String boot = readBoot(json);
    boolean lastWill = topic.channel() == Channel.STATUS && !json.containsKey("seq") && !json.containsKey("ts");
    if (lastWill) {
      return new Envelope(topic.deviceId(), boot, null, receivedAt, receivedAt, false);
    }
    long seq = readWhole(json, "seq", RejectReason.BAD_SEQ);
    long ts = readWhole(json, "ts", RejectReason.BAD_TS);
    boolean skewed = ts > receivedAt + MAX_AHEAD_MS || ts < receivedAt - MAX_BEHIND_MS;
    return new Envelope(topic.deviceId(), boot, seq, skewed ? receivedAt : ts, receivedAt, skewed);
  }

  private static String readBoot(JsonObject json) throws MessageRejectedException {
    Object v = json.getValue("boot");
    if (!(v instanceof String boot) || boot.isEmpty() || boot.length() > 16) {
      throw new MessageRejectedException(RejectReason.BAD_BOOT, "boot must be a string of 1 to 16 characters");
    }
    return boot;
  }

  private static long readWhole(JsonObject json, String name, RejectReason reason) throws MessageRejectedException {
    Object v = json.getValue(name);
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
      throw new MessageRejectedException(reason, name + " must be a whole number of at least 0");
    }
    return ((Number) v).longValue();
  }
}
