package org.anxin.sim.fleet;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.behaviour.HomeLocator;
import org.anxin.sim.scenario.ScenarioName;
import org.anxin.sim.scenario.ScenarioOptions;
import org.anxin.sim.scenario.ScenarioRunner;
import org.anxin.sim.testing.Capture;
import org.anxin.sim.testing.Capture.Received;
import org.anxin.sim.testing.PrivateMosquitto;
import org.anxin.sim.testing.TestDevices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.anxin.sim.testing.Capture.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A fleet connects every device with its own credentials, reports, and obeys commands")
class FleetTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<DeviceCredentials> DEVICES = TestDevices.fleet(4, 2);

  private static PrivateMosquitto broker;
  private static Capture capture;

  private static final DeviceCredentials SHARED = TestDevices.wristband(5);

  @BeforeAll
  static void startBroker() {
    List<DeviceCredentials> all = new ArrayList<>(DEVICES);
    all.add(SHARED);
    broker = PrivateMosquitto.start(all);
    capture = Capture.on(broker.address());
  }

  @AfterAll
  static void stopBroker() {
    capture.close();
    broker.close();
  }

  private static Fleet newFleet(List<DeviceCredentials> devices, SimStats stats, int intervalS, double speed) {
    FleetOptions options = new FleetOptions(broker.address(),
        LinkOptions.defaults().withReconnect(Duration.ofMillis(100), Duration.ofMillis(500)), intervalS, speed,
        Instant.parse("2026-11-29T02:00:00Z"), ZoneId.of("Asia/Shanghai"), 42,
        HomeLocator.around(HomeLocator.DEFAULT_CENTRE, 42), 100);
    return Fleet.create(devices, options, stats);
  }

  @Test
  @DisplayName("every device connects, says it is online with battery, firmware and interval, and reports")
  void fleetConnectsAndReports() throws InterruptedException {
    SimStats stats = new SimStats();
    try (Fleet fleet = newFleet(DEVICES, stats, 60, 600)) {
      fleet.start().orTimeout(10, TimeUnit.SECONDS).join();

      assertEquals(6, stats.snapshot().connected());
      for (DeviceCredentials d : DEVICES) {
        JsonObject status = capture.awaitOne(from(d.deviceId(), "status")
            .and(r -> Integer.valueOf(60).equals(r.json().getInteger("interval"))), WAIT).json();
        assertTrue(status.getBoolean("online"));
        assertTrue(status.containsKey("bat") && status.containsKey("fw"));
        capture.await(from(d.deviceId(), "telemetry"), 2, WAIT);
      }
      JsonObject band = capture.awaitOne(from("W-01", "telemetry"), WAIT).json();
      for (String field : List.of("lat", "lon", "acc", "src", "bat", "steps", "worn", "ts", "seq", "boot")) {
        assertTrue(band.containsKey(field), "wristband telemetry has " + field + ": " + band);
      }
      JsonObject home = capture.awaitOne(from("T-01", "telemetry"), WAIT).json();
      assertTrue(home.containsKey("motion") && home.containsKey("temp"), "terminal heartbeat: " + home);
    }
    assertEquals(0, stats.snapshot().errors());
  }

  @Test
  @DisplayName("a node can run a fleet straight from a credentials file, as the demo does")
  void fleetOfAFile(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("devices.csv");
    Files.writeString(csv, "device_id,secret,type,elder_id\nT-02,secret-t-2,HOME_TERMINAL,\n");

    try (Fleet fleet = Fleet.ofFile(csv, broker.address().toString(), 60, ZoneId.of("Asia/Shanghai"))) {
      fleet.start().orTimeout(10, TimeUnit.SECONDS).join();

      assertTrue(capture.awaitOne(from("T-02", "status"), WAIT).json().getBoolean("online"));
    }
  }

  @Test
  @DisplayName("a device with a wrong secret is refused by the broker and sends nothing")
  void wrongSecretIsRefused() throws InterruptedException {
    DeviceCredentials impostor = new DeviceCredentials("W-04", "not-the-secret", DeviceType.WRISTBAND, 4L);
    DeviceLink link = new DeviceLink(impostor, broker.address(), LinkOptions.defaults().withoutReconnect(),
        new SimStats());

    Throwable refused = link.connect().handle((ack, e) -> e).join();

    assertTrue(refused != null && refused.toString().contains("NOT_AUTHORIZED")
        || refused != null && refused.toString().contains("BAD_USER_NAME_OR_PASSWORD"), String.valueOf(refused));
    assertFalse(link.isConnected());
  }

  @Test
  @DisplayName("set_interval changes the reporting interval and is answered on reply; locate answers with a fix")
  void commandsAreObeyed() throws InterruptedException {
    List<DeviceCredentials> two = List.of(TestDevices.wristband(2), TestDevices.terminal(2));
    try (Fleet fleet = newFleet(two, new SimStats(), 600, 1)) {
      fleet.start().orTimeout(10, TimeUnit.SECONDS).join();
      capture.awaitOne(from("W-02", "status"), WAIT);

      capture.command("W-02", new JsonObject().put("id", "c-1").put("name", "set_interval")
          .put("args", new JsonObject().put("seconds", 120)));
      capture.command("W-02", new JsonObject().put("id", "c-2").put("name", "locate"));
      capture.command("T-02", new JsonObject().put("id", "c-3").put("name", "locate"));

      List<Received> replies = capture.await(from("W-02", "reply"), 2, WAIT);
      assertEquals(new JsonObject().put("id", "c-1").put("ok", true).put("detail", "interval 120 s"),
          withoutStamp(replies.get(0).json()));
      assertEquals("c-2", replies.get(1).json().getString("id"));
      assertTrue(replies.get(1).json().getBoolean("ok"));
      assertEquals(120, fleet.devices().get(0).intervalSeconds());
      assertTrue(capture.await(from("W-02", "status"), 2, WAIT).get(1).json().getInteger("interval") == 120);
      assertTrue(capture.awaitOne(from("W-02", "telemetry"), WAIT).json().containsKey("lat"), "locate fix");
      assertFalse(capture.awaitOne(from("T-02", "reply"), WAIT).json().getBoolean("ok"));
    }
  }

  @Test
  @DisplayName("when a restarted broker has lost the device's session, the device publishes again what was pending")
  void sessionLostByTheBroker() throws InterruptedException {
    SimStats stats = new SimStats();
    DeviceLink link = new DeviceLink(TestDevices.wristband(4), broker.address(),
        LinkOptions.defaults().withReconnect(Duration.ofSeconds(1), Duration.ofSeconds(1)), stats);
    link.connect().join();

    broker.stopAndForgetSessions();
    List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pending.add(link.publish(org.anxin.sim.protocol.Channel.TELEMETRY, new JsonObject().put("bat", 50 - i)));
    }
    broker.launch();
    try (Capture fresh = Capture.on(broker.address())) {
      List<Received> arrived = fresh.await(from("W-04", "telemetry"), 3, Duration.ofSeconds(20));

      assertEquals(List.of(50, 49, 48), arrived.stream().sorted(java.util.Comparator.comparing(
          r -> r.json().getLong("seq"))).map(r -> r.json().getInteger("bat")).toList(), "all, in any order");
      java.util.concurrent.CompletableFuture.allOf(pending.toArray(java.util.concurrent.CompletableFuture[]::new))
          .orTimeout(10, TimeUnit.SECONDS).join();
      assertEquals(3, stats.snapshot().acked());
    } finally {
      link.disconnect().join();
    }
  }

  private static JsonObject withoutStamp(JsonObject json) {
    JsonObject copy = json.copy();
    copy.remove("ts");
    copy.remove("seq");
    copy.remove("boot");
    return copy;
  }

  @Test
  @DisplayName("after a broker restart, devices reconnect and what was not acknowledged arrives")
  void reconnectResendsUnacknowledged() throws InterruptedException {
    DeviceCredentials device = TestDevices.wristband(3);
    try (Capture durable = Capture.persistentOn(broker.address())) {
      SimStats stats = new SimStats();
      DeviceLink link = new DeviceLink(device, broker.address(),
          LinkOptions.defaults().withReconnect(Duration.ofMillis(100), Duration.ofMillis(500)), stats);
      link.connect().join();

      broker.stop();
      List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        pending.add(link.publish(org.anxin.sim.protocol.Channel.TELEMETRY, new JsonObject().put("bat", 90 - i)));
      }
      broker.launch();

      List<Received> arrived = durable.await(from("W-03", "telemetry"), 5, Duration.ofSeconds(20));
      assertEquals(List.of(90, 89, 88, 87, 86), arrived.stream().map(r -> r.json().getInteger("bat")).toList());
      java.util.concurrent.CompletableFuture.allOf(pending.toArray(java.util.concurrent.CompletableFuture[]::new))
          .orTimeout(10, TimeUnit.SECONDS).join();
      assertEquals(5, stats.snapshot().acked());
      link.disconnect().join();
    }
  }

  @Test
  @DisplayName("a scenario can play a device of a running fleet: it takes the session over, its messages arrive,"
      + " and the fleet's device comes back afterwards")
  void scenarioTakesOverAFleetDevice() throws InterruptedException {
    try (Fleet fleet = newFleet(List.of(SHARED), new SimStats(), 600, 1)) {
      fleet.start().orTimeout(10, TimeUnit.SECONDS).join();
      capture.awaitOne(from("W-05", "status"), WAIT);
      DeviceLink fleetLink = fleet.devices().get(0).link();
      java.util.concurrent.CompletableFuture<Void> takenOver = fleetLink.whenDisconnected();

      ScenarioRunner runner = new ScenarioRunner(List.of(SHARED), broker.address(), LinkOptions.defaults(),
          HomeLocator.around(HomeLocator.DEFAULT_CENTRE, 1), ZoneId.of("UTC"), 1, System.out);
      runner.play(ScenarioName.SOS, "W-05", null, new ScenarioOptions());

      assertEquals("SOS", capture.awaitOne(from("W-05", "event"), WAIT).json().getString("type"));
      takenOver.orTimeout(10, TimeUnit.SECONDS).join();
      capture.await(from("W-05", "status").and(r -> Boolean.TRUE.equals(r.json().getBoolean("online"))), 3, WAIT);
    }
  }
}
