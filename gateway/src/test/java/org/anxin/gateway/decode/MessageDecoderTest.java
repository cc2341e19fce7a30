package org.anxin.gateway.decode;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageDecoderTest {

  private static final long NOW = 1_790_000_000_000L;
  private static final String TELEMETRY = "anxin/v1/dev/wb-001/telemetry";
  private final MessageDecoder decoder = new MessageDecoder(Set.of("wb-001")::contains);

  private static String identity() {
    return "\"ts\":" + (NOW - 1_000) + ",\"seq\":7,\"boot\":\"b1\"";
  }

  private Decoded decode(String topic, String payload) throws MessageRejectedException {
    return decoder.decode(topic, payload.getBytes(StandardCharsets.UTF_8), NOW);
  }

  static Stream<Arguments> badMessages() {
    String id = identity();
    return Stream.of(
        Arguments.of("anxin/v2/dev/wb-001/telemetry", "{" + id + ",\"bat\":5}", RejectReason.BAD_TOPIC),
        Arguments.of("anxin/v1/dev/wb-001/gossip", "{" + id + ",\"bat\":5}", RejectReason.BAD_TOPIC),
        Arguments.of("anxin/v1/dev/wb-001/x/telemetry", "{" + id + ",\"bat\":5}", RejectReason.BAD_TOPIC),
        Arguments.of("anxin/v1/dev/w!/telemetry", "{" + id + ",\"bat\":5}", RejectReason.BAD_DEVICE_ID),
        Arguments.of("anxin/v1/dev/wb-999/telemetry", "{" + id + ",\"bat\":5}", RejectReason.UNKNOWN_DEVICE),
        Arguments.of(TELEMETRY, "{" + id + ",\"fw\":\"" + "x".repeat(5000) + "\"}", RejectReason.TOO_LARGE),
        Arguments.of(TELEMETRY, "{" + id + ",bat:5", RejectReason.NOT_JSON),
        Arguments.of(TELEMETRY, "[1,2,3]", RejectReason.NOT_OBJECT),
        Arguments.of(TELEMETRY, "{\"seq\":1,\"boot\":\"b1\",\"bat\":5}", RejectReason.BAD_TS),
        Arguments.of(TELEMETRY, "{\"ts\":\"soon\",\"seq\":1,\"boot\":\"b1\",\"bat\":5}", RejectReason.BAD_TS),
        Arguments.of(TELEMETRY, "{\"ts\":1,\"seq\":-1,\"boot\":\"b1\",\"bat\":5}", RejectReason.BAD_SEQ),
        Arguments.of(TELEMETRY, "{\"ts\":1,\"seq\":1.5,\"boot\":\"b1\",\"bat\":5}", RejectReason.BAD_SEQ),
        Arguments.of(TELEMETRY, "{\"ts\":1,\"seq\":1,\"bat\":5}", RejectReason.BAD_BOOT),
        Arguments.of(TELEMETRY, "{\"ts\":1,\"seq\":1,\"boot\":\"12345678901234567\",\"bat\":5}", RejectReason.BAD_BOOT),
        Arguments.of(TELEMETRY, "{" + id + ",\"bat\":\"full\"}", RejectReason.BAD_TYPE),
        Arguments.of(TELEMETRY, "{" + id + ",\"worn\":1}", RejectReason.BAD_TYPE),
        Arguments.of(TELEMETRY, "{" + id + ",\"lat\":91,\"lon\":10}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"lat\":30,\"lon\":-181}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"lat\":30,\"lon\":120,\"acc\":-1}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"spo2\":101}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"bat\":-3}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"steps\":-3}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"hr\":400}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"temp\":120.5}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"src\":\"radar\"}", RejectReason.OUT_OF_RANGE),
        Arguments.of(TELEMETRY, "{" + id + ",\"lat\":30}", RejectReason.MISSING_FIELD),
        Arguments.of(TELEMETRY, "{" + id + "}", RejectReason.EMPTY_TELEMETRY),
        Arguments.of("anxin/v1/dev/wb-001/event", "{" + id + ",\"type\":\"PARTY\"}", RejectReason.UNKNOWN_EVENT_TYPE),
        Arguments.of("anxin/v1/dev/wb-001/event", "{" + id + "}", RejectReason.MISSING_FIELD),
        Arguments.of("anxin/v1/dev/wb-001/status", "{" + id + ",\"bat\":5}", RejectReason.MISSING_FIELD),
        Arguments.of("anxin/v1/dev/wb-001/status", "{\"ts\":1,\"boot\":\"b1\",\"online\":true}", RejectReason.BAD_SEQ),
        Arguments.of("anxin/v1/dev/wb-001/reply", "{" + id + ",\"ok\":true}", RejectReason.MISSING_FIELD),
        Arguments.of("anxin/v1/dev/wb-001/event", "{" + id + ",\"type\":\"SOS\",\"note\":\"a\\u0000\"}",
            RejectReason.BAD_TEXT));
  }

  @ParameterizedTest(name = "{2}: {0} {1}")
  @MethodSource("badMessages")
  @DisplayName("verifies that each kind of bad message is refused with its own reason")
  void refusesBadMessages(String topic, String payload, RejectReason reason) {
    MessageRejectedException e = assertThrows(MessageRejectedException.class, () -> decode(topic, payload));
    assertEquals(reason, e.reason(), e.detail());
  }

  @Test
  @DisplayName("verifies that bytes which are not UTF-8 are refused as such")
  void refusesInvalidUtf8() {
    byte[] payload = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    MessageRejectedException e = assertThrows(MessageRejectedException.class,
        () -> decoder.decode(TELEMETRY, payload, NOW));
    assertEquals(RejectReason.NOT_UTF8, e.reason());
    assertEquals("wb-001", e.deviceId());
  }

  @Test
  @DisplayName("verifies that a full telemetry message is read field by field")
  void readsTelemetry() throws Exception {
    // GIVEN a reading with every field
    String payload = "{" + identity() + ",\"lat\":30.5,\"lon\":120.25,\"acc\":8,\"src\":\"gnss\",\"hr\":72,"
        + "\"spo2\":98,\"bat\":55,\"steps\":1200,\"motion\":true,\"temp\":36.4,\"worn\":true}";
    // WHEN decoded
    TelemetryReading r = assertInstanceOf(TelemetryReading.class, decode(TELEMETRY, payload));
    // THEN every field and the identity are kept, and the device's time is used
    assertEquals(new Envelope("wb-001", "b1", 7L, NOW - 1_000, NOW, false), r.envelope());
    assertEquals(30.5, r.lat());
    assertEquals(120.25, r.lon());
    assertEquals("gnss", r.src());
    assertEquals(72, r.hr());
    assertEquals(1200, r.steps());
    assertEquals(36.4, r.temp());
    assertTrue(r.worn());
  }

  @Test
  @DisplayName("verifies that a ts far ahead or behind (seconds instead of milliseconds) becomes the arrival time, flagged")
  void replacesSkewedClock() throws Exception {
    String ahead = "{\"ts\":" + (NOW + 6 * 60_000) + ",\"seq\":1,\"boot\":\"b1\",\"bat\":50}";
    String seconds = "{\"ts\":" + (NOW / 1000) + ",\"seq\":2,\"boot\":\"b1\",\"bat\":50}";
    for (String payload : new String[] {ahead, seconds}) {
      Envelope e = decode(TELEMETRY, payload).envelope();
      assertTrue(e.clockSkewed());
      assertEquals(NOW, e.ts());
    }
    String slightlyBehind = "{\"ts\":" + (NOW - 3_600_000) + ",\"seq\":3,\"boot\":\"b1\",\"bat\":50}";
    assertFalse(decode(TELEMETRY, slightlyBehind).envelope().clockSkewed());
  }

  @Test
  @DisplayName("verifies that an SOS with fields the contract does not name still gets through, fields kept")
  void keepsUnknownEventFields() throws Exception {
    String payload = "{" + identity() + ",\"type\":\"SOS\",\"lat\":30.1,\"lon\":120.2,\"press_ms\":3000,"
        + "\"extra\":{\"a\":[1,2]}}";
    DeviceEvent e = assertInstanceOf(DeviceEvent.class, decode("anxin/v1/dev/wb-001/event", payload));
    assertEquals("SOS", e.type());
    assertEquals(3000, new JsonObject(e.payload()).getInteger("press_ms"));
  }

  @Test
  @DisplayName("verifies that a Last Will (boot, no seq, no ts) is an OFFLINE status at arrival time")
  void readsLastWill() throws Exception {
    DeviceEvent e = assertInstanceOf(DeviceEvent.class,
        decode("anxin/v1/dev/wb-001/status", "{\"boot\":\"b1\",\"online\":false}"));
    assertEquals("OFFLINE", e.type());
    assertNull(e.envelope().seq());
    assertEquals(NOW, e.envelope().ts());
    assertTrue(e.status().lastWill());
  }

  @Test
  @DisplayName("verifies that the platform's own commands on the cmd channel are passed over, not refused")
  void ignoresCommands() throws Exception {
    assertNull(decode("anxin/v1/dev/wb-001/cmd", "{\"id\":\"1\",\"name\":\"locate\"}"));
  }
}
