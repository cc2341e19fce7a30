package org.anxin.gateway.alarm;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Alarms over time, through a broker: strap off, inactivity, an area outage, pull cord and water")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TimedAlarmsEndToEndTest {

  private static final List<String> CUT_OFF = List.of("wb-1", "wb-3", "wb-4", "ht-3", "ht-2");
  private AlarmGateway gw;

  @BeforeAll
  void start(@TempDir Path dir) {
    gw = new AlarmGateway(dir);
  }

  @AfterAll
  void stop() {
    gw.close();
  }

  /** A message of the device's boot {@code boot}, measured {@code ago} before now (devices may report late). */
  private JsonObject sent(String deviceId, String boot, long seq, Duration ago) {
    return gw.fleet.message(deviceId, seq, ago).put("boot", boot);
  }

  @Test
  @DisplayName("a wristband off for 40 minutes raises STRAP_OFF, which closes itself when it is worn again")
  void strapOff() {
    gw.send("wb-2", "telemetry", sent("wb-2", "strap", 1, Duration.ofMinutes(40)).put("worn", false));
    gw.send("wb-2", "telemetry", sent("wb-2", "strap", 2, Duration.ZERO).put("worn", false));
    gw.awaitAlarms("type = 'STRAP_OFF' AND state = 'OPEN' AND elder_id = " + gw.fleet.wanderer(), 1);
    gw.send("wb-2", "telemetry", sent("wb-2", "strap", 3, Duration.ZERO).put("worn", true));
    gw.awaitAlarms("type = 'STRAP_OFF' AND state = 'RESOLVED'", 1);
  }

  @Test
  @DisplayName("13 h without movement at home raises INACTIVITY; an elder whose wristband counted steps an hour ago "
      + "is out for a walk, not inactive")
  void inactivity() {
    // GIVEN both homes' last motion 13 h ago, and the wanderer's wristband counting steps until an hour ago
    gw.send("ht-1", "telemetry", sent("ht-1", "quiet", 1, Duration.ofHours(13)).put("motion", true));
    gw.send("ht-2", "telemetry", sent("ht-2", "quiet", 1, Duration.ofHours(13)).put("motion", true));
    gw.send("wb-2", "telemetry", sent("wb-2", "quiet", 10, Duration.ofHours(3)).put("steps", 100));
    gw.send("wb-2", "telemetry", sent("wb-2", "quiet", 11, Duration.ofHours(1)).put("steps", 900));
    // THEN the timer check raises INACTIVITY for elder 1 only (both are judged in the same pass)
    gw.awaitAlarms("type = 'INACTIVITY' AND elder_id = " + gw.fleet.elderId(), 1);
    assertEquals(0, gw.raisedOf("INACTIVITY").stream()
        .filter(r -> gw.fleet.wanderer() == r.alarm().subject().elderId()).count());
  }

  @Test
  @DisplayName("five of the village's seven devices falling silent together make one AREA_OUTAGE and no "
      + "DEVICE_OFFLINE; it closes itself when they are back")
  void areaOutage() {
    // GIVEN five devices reporting every second, which then stop
    CUT_OFF.forEach(id -> gw.send(id, "status", sent(id, "cut", 100, Duration.ZERO).put("online", true)
        .put("interval", 1)));
    // THEN one outage for the village, and no device alarms for them
    gw.awaitAlarms("type = 'AREA_OUTAGE' AND state = 'OPEN' AND village_id IS NOT NULL", 1);
    assertEquals(0, gw.raisedOf("DEVICE_OFFLINE").size());
    // WHEN they report again THEN the outage closes itself
    CUT_OFF.forEach(id -> gw.send(id, "status", sent(id, "cut", 101, Duration.ZERO).put("online", true)
        .put("interval", 60)));
    gw.awaitAlarms("type = 'AREA_OUTAGE' AND state = 'RESOLVED'", 1);
    assertEquals(0, gw.raisedOf("DEVICE_OFFLINE").size());
  }

  @Test
  @DisplayName("a pull cord raises an SOS and a leak sensor WATER_LEAK for the household's elder")
  void pullCordAndWater() {
    gw.send("ht-3", "event", gw.fleet.message("ht-3", 1).put("type", "PULL_CORD").put("sensor", "bathroom"));
    gw.send("ht-3", "event", gw.fleet.message("ht-3", 2).put("type", "WATER_LEAK").put("sensor", "kitchen"));
    gw.awaitAlarms("type = 'SOS' AND source_device_id = 'ht-3'", 1);
    gw.awaitAlarms("type = 'WATER_LEAK' AND priority = 2 AND source_device_id = 'ht-3'", 1);
  }
}
