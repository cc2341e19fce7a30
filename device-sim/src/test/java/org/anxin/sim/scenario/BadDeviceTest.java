package org.anxin.sim.scenario;

import org.anxin.sim.behaviour.HomeLocator;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.LinkOptions;
import org.anxin.sim.testing.Capture;
import org.anxin.sim.testing.Capture.Received;
import org.anxin.sim.testing.PrivateMosquitto;
import org.anxin.sim.testing.TestDevices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.anxin.sim.testing.Capture.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Bad devices send exactly the broken inputs the gateway must cope with")
class BadDeviceTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<DeviceCredentials> DEVICES = TestDevices.fleet(8, 0);

  private static PrivateMosquitto broker;
  private static Capture capture;

  @BeforeAll
  static void startBroker() {
    broker = PrivateMosquitto.start(DEVICES);
    capture = Capture.on(broker.address());
  }

  @AfterAll
  static void stopBroker() {
    capture.close();
    broker.close();
  }

  private static List<BadDevice.Outcome> play(BadKind kind, int device) {
    ScenarioContext ctx = new ScenarioContext(TestDevices.wristband(device), broker.address(),
        LinkOptions.defaults(), new ScenarioOptions(), HomeLocator.DEFAULT_CENTRE, ZoneId.of("UTC"), 1, System.out);
    return new BadDevice(ctx, "W-08").play(kind);
  }

  @Test
  @DisplayName("malformed-json: truncated JSON and a payload that is not JSON at all")
  void malformedJson() throws InterruptedException {
    play(BadKind.MALFORMED_JSON, 1);

    List<Received> got = capture.await(from("W-01", "telemetry"), 2, WAIT);
    got.forEach(r -> assertFalse(r.isJson(), r.text()));
  }

  @Test
  @DisplayName("wrong-types: a string latitude, a text heart rate, a text ts and seq")
  void wrongTypes() throws InterruptedException {
    play(BadKind.WRONG_TYPES, 2);

    List<Received> got = capture.await(from("W-02", "telemetry"), 2, WAIT);
    assertTrue(got.get(0).json().getValue("lat") instanceof String);
    assertTrue(got.get(1).json().getValue("seq") instanceof String);
  }

  @Test
  @DisplayName("out-of-range: latitude 123, heart rate 400, an unknown event type, a negative seq")
  void outOfRange() throws InterruptedException {
    play(BadKind.OUT_OF_RANGE, 3);

    assertEquals(123.4, capture.awaitOne(from("W-03", "telemetry"), WAIT).json().getDouble("lat"));
    assertEquals("EXPLODE", capture.awaitOne(from("W-03", "event"), WAIT).json().getString("type"));
    assertEquals(-5, capture.await(from("W-03", "telemetry"), 2, WAIT).get(1).json().getInteger("seq"));
  }

  @Test
  @DisplayName("future-timestamp: a ts a day ahead, and one in seconds instead of milliseconds")
  void futureTimestamp() throws InterruptedException {
    long now = System.currentTimeMillis();
    play(BadKind.FUTURE_TIMESTAMP, 4);

    List<Received> got = capture.await(from("W-04", "telemetry"), 2, WAIT);
    assertTrue(got.get(0).json().getLong("ts") > now + 23 * 3_600_000L);
    assertTrue(got.get(1).json().getLong("ts") < now / 100);
  }

  @Test
  @DisplayName("oversized: a payload over the protocol's 4 KiB")
  void oversized() throws InterruptedException {
    play(BadKind.OVERSIZED, 5);

    assertTrue(capture.awaitOne(from("W-05", "telemetry"), WAIT).payload().length > 4096);
  }

  @Test
  @DisplayName("replay: the same bytes twice, and an earlier seq after a later one")
  void replay() throws InterruptedException {
    play(BadKind.REPLAY, 6);

    List<Received> got = capture.await(from("W-06", "telemetry"), 4, WAIT);
    assertTrue(Arrays.equals(got.get(0).payload(), got.get(2).payload()));
    assertTrue(Arrays.equals(got.get(1).payload(), got.get(3).payload()));
    long first = got.get(0).json().getLong("seq");
    assertEquals(List.of(first, first + 1, first, first + 1), got.stream().map(r -> r.json().getLong("seq")).toList());
  }

  @Test
  @DisplayName("foreign-topic: publishing to another device's topic is refused by the broker's ACL")
  void foreignTopic() {
    List<BadDevice.Outcome> outcomes = play(BadKind.FOREIGN_TOPIC, 7);

    assertEquals("anxin/v1/dev/W-08/telemetry", outcomes.get(0).topic());
    assertEquals("NOT_AUTHORIZED", outcomes.get(0).answer());
    assertTrue(capture.matching(from("W-08", "telemetry")).isEmpty());
  }
}
