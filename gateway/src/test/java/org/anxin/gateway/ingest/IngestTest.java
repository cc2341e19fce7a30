package org.anxin.gateway.ingest;

import org.anxin.gateway.decode.RejectReason;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.gateway.state.DeviceState;
import org.anxin.infra.testing.Await;
import org.anxin.gateway.testing.GatewayHarness;
import org.anxin.infra.mqtt.PrivateMosquitto;
import org.anxin.gateway.testing.Publisher;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.anxin.gateway.testing.Payloads.event;
import static org.anxin.gateway.testing.Payloads.reply;
import static org.anxin.gateway.testing.Payloads.status;
import static org.anxin.gateway.testing.Payloads.telemetry;
import static org.anxin.gateway.testing.Payloads.topic;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private TestDatabase testDb;
  private PrivateMosquitto broker;
  private GatewayHarness gateway;
  private Publisher devices;

  @BeforeAll
  void start(@TempDir Path dir) {
    testDb = TestDatabase.create();
    broker = PrivateMosquitto.anonymous(dir);
    gateway = new GatewayHarness(testDb.options(), broker.url());
    gateway.register("land-1", "replay-0", "replay-1", "replay-2", "replay-3", "replay-4", "bad-1", "skew-1",
        "state-1", "lw-1", "good-1", "iso-1");
    gateway.start(GatewayHarness.options(Map.of("ANXIN_GATEWAY_LINGER_MS", "10",
        "ANXIN_GATEWAY_DEVICE_REFRESH_MS", "200", "ANXIN_GATEWAY_STATE_FLUSH_MS", "200")));
    devices = Publisher.connect(broker.url(), 200);
  }

  @AfterAll
  void stop() {
    devices.close();
    gateway.close();
    broker.close();
    testDb.close();
  }

  private long rows(String table, String deviceId) {
    return gateway.count("SELECT count(*) FROM " + table + " WHERE device_id = '" + deviceId + "'");
  }

  private void awaitRows(String table, String deviceId, long expected) {
    Await.until(WAIT, expected + " rows of " + deviceId + " in " + table, () -> rows(table, deviceId) == expected);
  }

  @Test
  @DisplayName("verifies that a valid message of each channel lands once, and sent again adds nothing")
  void eachChannelLandsOnce() {
    // GIVEN one message on each channel of a registered device
    List<String[]> messages = List.of(
        new String[] {topic("land-1", "telemetry"), telemetry("b1", 1)},
        new String[] {topic("land-1", "event"), event("b1", 2, "SOS")},
        new String[] {topic("land-1", "status"), status("b1", 3, true)},
        new String[] {topic("land-1", "reply"), reply("b1", 4)});
    // WHEN they are published twice, the second time after the first has landed
    messages.forEach(m -> devices.publish(m[0], m[1]));
    awaitRows("telemetry", "land-1", 1);
    awaitRows("device_events", "land-1", 3);
    messages.forEach(m -> devices.publish(m[0], m[1]));
    devices.publish(topic("land-1", "telemetry"), telemetry("b1", 5));
    awaitRows("telemetry", "land-1", 2);
    // THEN each is stored once, on its channel
    assertEquals(3, rows("device_events", "land-1"));
    assertEquals(1, gateway.count("SELECT count(*) FROM device_events WHERE device_id = 'land-1'"
        + " AND channel = 'event' AND type = 'SOS' AND lat = 30.1 AND payload->>'type' = 'SOS'"));
    assertEquals(1, gateway.count("SELECT count(*) FROM device_events WHERE device_id = 'land-1'"
        + " AND channel = 'status' AND type = 'ONLINE'"));
    assertEquals(1, gateway.count("SELECT count(*) FROM device_events WHERE device_id = 'land-1'"
        + " AND channel = 'reply' AND type = 'REPLY'"));
    assertEquals(1, gateway.count("SELECT count(*) FROM telemetry WHERE device_id = 'land-1' AND seq = 1"
        + " AND lat = 30.2741 AND src = 'gnss' AND hr = 71 AND worn AND NOT clock_skewed"));
  }

  @Test
  @DisplayName("verifies that replaying 1,000 stored messages adds no row")
  void replayAddsNothing() {
    // GIVEN 1,000 messages of five devices, stored
    List<String[]> sent = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String device = "replay-" + (i % 5);
      sent.add(new String[] {topic(device, "telemetry"), telemetry("r", i)});
    }
    sent.forEach(m -> devices.publish(m[0], m[1]));
    Await.until(WAIT, "1,000 replay rows", () -> replayRows() == 1_000);
    // WHEN the very same bytes are published again, then one new message
    sent.forEach(m -> devices.publish(m[0], m[1]));
    devices.publish(topic("replay-0", "telemetry"), telemetry("r", 5_000));
    Await.until(WAIT, "the new message", () -> replayRows() == 1_001);
    // THEN only the new message added a row
    assertEquals(1_001, replayRows());
  }

  private long replayRows() {
    return gateway.count("SELECT count(*) FROM telemetry WHERE device_id LIKE 'replay-%'");
  }

  @Test
  @DisplayName("verifies that each kind of bad input is rejected with its reason, kept raw, and the pipeline goes on")
  void rejectsBadInput() {
    // GIVEN one message of each kind of bad input
    Map<String, String[]> bad = new LinkedHashMap<>();
    String ok = ",\"ts\":" + System.currentTimeMillis() + ",\"seq\":9,\"boot\":\"b\"";
    bad.put("bad_topic", new String[] {"anxin/v1/dev/bad-1/weather", "{\"bat\":1" + ok + "}"});
    bad.put("bad_device_id", new String[] {"anxin/v1/dev/b!d/telemetry", "{\"bat\":1" + ok + "}"});
    bad.put("unknown_device", new String[] {topic("nobody-1", "telemetry"), "{\"bat\":1" + ok + "}"});
    bad.put("too_large", new String[] {topic("bad-1", "telemetry"), "{\"fw\":\"" + "x".repeat(4100) + "\"}"});
    bad.put("not_json", new String[] {topic("bad-1", "telemetry"), "bat=1"});
    bad.put("not_object", new String[] {topic("bad-1", "telemetry"), "[1]"});
    bad.put("bad_ts", new String[] {topic("bad-1", "telemetry"), "{\"bat\":1,\"seq\":1,\"boot\":\"b\"}"});
    bad.put("bad_seq", new String[] {topic("bad-1", "telemetry"), "{\"bat\":1,\"ts\":1,\"seq\":\"x\",\"boot\":\"b\"}"});
    bad.put("bad_boot", new String[] {topic("bad-1", "telemetry"), "{\"bat\":1,\"ts\":1,\"seq\":1}"});
    bad.put("bad_type", new String[] {topic("bad-1", "telemetry"), "{\"bat\":\"full\"" + ok + "}"});
    bad.put("out_of_range", new String[] {topic("bad-1", "telemetry"), "{\"lat\":95,\"lon\":1" + ok + "}"});
    bad.put("unknown_event_type", new String[] {topic("bad-1", "event"), "{\"type\":\"DANCE\"" + ok + "}"});
    // WHEN they are published, then a good message
    bad.values().forEach(m -> devices.publish(m[0], m[1]));
    devices.publish(topic("good-1", "telemetry"), telemetry("g", 1));
    awaitRows("telemetry", "good-1", 1);
    // THEN each is kept with its reason and raw bytes, counted, and nothing else of it is stored
    for (Map.Entry<String, String[]> e : bad.entrySet()) {
      String reason = e.getKey();
      String topic = e.getValue()[0];
      Await.until(WAIT, "the " + reason + " reject stored and counted", () -> rejectedPayload(reason, topic) != null
          && gateway.counter(GatewayMetrics.REJECTED, "reason", reason) >= 1);
      assertArrayEquals(e.getValue()[1].getBytes(StandardCharsets.UTF_8), rejectedPayload(reason, topic), reason);
    }
    assertEquals(0, rows("telemetry", "bad-1") + rows("device_events", "bad-1") + rows("telemetry", "nobody-1"));
  }

  private byte[] rejectedPayload(String reason, String topic) {
    try (Connection c = gateway.database.dataSource().getConnection();
         PreparedStatement st = c.prepareStatement(
             "SELECT payload FROM rejected_messages WHERE reason = ? AND topic = ? ORDER BY id DESC LIMIT 1")) {
      st.setString(1, reason);
      st.setString(2, topic);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("verifies that a message the database refuses on its own is rejected and its batch still lands")
  void isolatesMessageTheDatabaseRefuses() {
    // GIVEN a database rule the protocol does not know: no heart rate of exactly 42
    gateway.execute("ALTER TABLE telemetry ADD CONSTRAINT test_refuses_hr_42 CHECK (hr IS DISTINCT FROM 42)");
    // WHEN three readings arrive together, the middle one breaking that rule
    String refused = telemetry("i", 2).replace("\"hr\":71", "\"hr\":42");
    devices.publish(topic("iso-1", "telemetry"), telemetry("i", 1));
    devices.publish(topic("iso-1", "telemetry"), refused);
    devices.publish(topic("iso-1", "telemetry"), telemetry("i", 3));
    // THEN the other two are stored and the refused one is kept as a reject with its bytes
    awaitRows("telemetry", "iso-1", 2);
    Await.until(WAIT, "the store_failed reject", () -> gateway.count("SELECT count(*) FROM rejected_messages"
        + " WHERE device_id = 'iso-1' AND reason = 'store_failed'") == 1);
    assertEquals(0, gateway.count("SELECT count(*) FROM telemetry WHERE device_id = 'iso-1' AND seq = 2"));
  }

  @Test
  @DisplayName("verifies that a device registered while the gateway runs is accepted within seconds")
  void acceptsNewlyRegisteredDevice() {
    // GIVEN an unregistered device whose message is rejected
    devices.publish(topic("late-1", "telemetry"), telemetry("b", 1));
    Await.until(WAIT, "the unknown device's reject", () -> gateway.count(
        "SELECT count(*) FROM rejected_messages WHERE device_id = 'late-1' AND reason = 'unknown_device'") == 1);
    // WHEN it is registered
    gateway.register("late-1");
    // THEN its messages are soon accepted
    long[] seq = {1};
    Await.until(WAIT, "late-1 accepted", () -> {
      devices.publish(topic("late-1", "telemetry"), telemetry("b", ++seq[0]));
      return rows("telemetry", "late-1") > 0;
    });
  }

  @Test
  @DisplayName("verifies that a ts in seconds is stored as the arrival time and flagged as clock-skewed")
  void flagsSkewedClock() {
    long before = System.currentTimeMillis();
    devices.publish(topic("skew-1", "telemetry"), "{\"ts\":" + before / 1000 + ",\"seq\":1,\"boot\":\"b\",\"bat\":40}");
    awaitRows("telemetry", "skew-1", 1);
    assertEquals(1, gateway.count("SELECT count(*) FROM telemetry WHERE device_id = 'skew-1' AND clock_skewed"
        + " AND ts = received_at AND ts >= to_timestamp(" + before / 1000 + ")"));
  }

  @Test
  @DisplayName("verifies that a Last Will is stored once as OFFLINE, and the device state follows every message")
  void keepsDeviceState() {
    // GIVEN a fix, then a status going offline by Last Will, delivered twice
    devices.publish(topic("state-1", "telemetry"), telemetry("s", 1));
    devices.publish(topic("state-1", "status"), "{\"boot\":\"s\",\"online\":false}");
    devices.publish(topic("state-1", "status"), "{\"boot\":\"s\",\"online\":false}");
    // THEN one OFFLINE row, and the state, in memory and in the database, has the fix, battery and offline
    Await.until(WAIT, "state-1 offline in device_state", () -> gateway.count("SELECT count(*) FROM device_state"
        + " WHERE device_id = 'state-1' AND NOT online AND bat = 1 AND last_fix_lat = 30.2741 AND last_seq = 1") == 1);
    assertEquals(1, gateway.count("SELECT count(*) FROM device_events WHERE device_id = 'state-1'"
        + " AND type = 'OFFLINE' AND seq IS NULL"));
    DeviceState s = gateway.verticle().states().get("state-1");
    assertEquals(false, s.online());
    assertEquals(1, s.bat());
  }

  @Test
  @DisplayName("verifies that the broker health check is up and accepted messages are counted by channel")
  void reportsHealthAndMetrics() {
    devices.publish(topic("good-1", "event"), event("g", 2, "FALL"));
    Await.until(WAIT, "an accepted event", () -> gateway.counter(GatewayMetrics.MESSAGES, "channel", "event") >= 1);
    HealthChecks.Status status = gateway.health.all().get("gateway.broker").get().await();
    assertTrue(status.up());
    assertTrue(gateway.registry.find(GatewayMetrics.COMMIT).timer().count() > 0);
    assertTrue(gateway.registry.find(GatewayMetrics.BATCH_SIZE).summary().count() > 0);
    assertEquals(0, gateway.counter(GatewayMetrics.REJECTED, "reason", RejectReason.NOT_UTF8.label()));
  }
}
