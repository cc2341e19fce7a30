package org.anxin.sim.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.vertx.core.json.JsonObject;
import org.anxin.sim.testing.Platform;
import org.anxin.sim.testing.PrivateMosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("bench ingest and bench alarm measure a real run through broker, gateway and database")
class IngestBenchTest {

  private static Platform platform;

  @BeforeAll
  static void startPlatform() {
    platform = new Platform(0, 0, true);
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  private static BenchConfig config(String prefix, int sos) {
    return new BenchConfig(platform.broker().address(), 40, 400, Duration.ofSeconds(2), MqttQos.AT_LEAST_ONCE,
        platform.databaseOptions(), true, false, prefix, null, PrivateMosquitto.PLATFORM_USER,
        PrivateMosquitto.PLATFORM_PASSWORD, 500, Duration.ofMillis(20), Duration.ofSeconds(20), 200, sos,
        Duration.ofMillis(300));
  }

  @Test
  @DisplayName("every message sent is acknowledged, committed, and seen by the counting subscriber; COPY runs as"
      + " many rows; the registered bench devices are removed afterwards")
  void ingest() throws InterruptedException {
    BenchReport report = new IngestBench(config("bi-", 0), System.out).run();
    System.out.println(report.table());

    assertEquals(40, report.connected());
    assertEquals(800, report.drive().sent());
    assertEquals(800, report.counts().acked());
    assertEquals(800, report.committed().rows());
    assertEquals(0, report.rejected());
    assertEquals(800, report.brokerOnly().received());
    assertEquals(800, report.copyOnly().rows());
    assertEquals(800, report.publishToAck().count());
    JsonObject json = report.toJson();
    assertEquals(800L, json.getLong("committed"));
    assertTrue(json.getJsonObject("publish_to_ack_ms").getDouble("p99") > 0);
    assertTrue(platform.rows("SELECT id FROM devices WHERE id LIKE 'bi-%'").isEmpty(), "bench devices removed");
    assertTrue(platform.rows("SELECT 1 FROM telemetry WHERE device_id LIKE 'bi-%'").isEmpty(), "their rows too");
  }

  @Test
  @DisplayName("the alarm bench presses SOS on distinct devices during the load and looks for their alarm rows")
  void alarm() throws InterruptedException {
    BenchReport report = new IngestBench(config("ba-", 4).withDrain(Duration.ofSeconds(2)), System.out).run();
    System.out.println(report.table());

    assertEquals(4, report.alarms().sosSent());
    assertEquals(796, report.committed().rows(), "the SOS presses replace four readings");
    assertTrue(report.alarms().raised() <= 4);
  }
}
