package org.anxin.infra.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Message identity (device_id, boot, seq) in time-series storage")
class IdentityIndexTest {

  private static final OffsetDateTime TS = OffsetDateTime.of(2026, 11, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  @RegisterExtension
  static final MigratedDatabase db = new MigratedDatabase();

  @Test
  @DisplayName("rejects a second telemetry row with the same device, boot and seq")
  void duplicateTelemetryRejected() throws SQLException {
    // GIVEN a stored reading
    newTelemetry("wb-dup", "b1", 7);
    // WHEN the same message is stored again THEN the unique index refuses it
    MigratedDatabase.assertViolates("23505", () -> newTelemetry("wb-dup", "b1", 7));
    // AND a redelivery written with ON CONFLICT DO NOTHING is skipped quietly
    assertEquals(0, db.update("INSERT INTO telemetry (device_id, boot, seq, ts, hr) VALUES ('wb-dup', 'b1', 7, ?, 80)"
        + " ON CONFLICT DO NOTHING", TS));
  }

  @Test
  @DisplayName("accepts the same seq after a reboot")
  void sameSeqNewBootAccepted() throws SQLException {
    // GIVEN a reading of boot b1 WHEN the device restarts and sends seq 0 of boot b2 THEN both are stored
    newTelemetry("wb-boot", "b1", 0);
    newTelemetry("wb-boot", "b2", 0);
    assertEquals(2, db.single("SELECT count(*) FROM telemetry WHERE device_id = 'wb-boot'"));
  }

  @Test
  @DisplayName("rejects a repeated device event but keeps every Last Will, which has no seq")
  void duplicateEventRejectedLastWillsKept() throws SQLException {
    // GIVEN an SOS event
    newEvent("wb-ev", "event", "SOS", 3L);
    // WHEN it is stored again THEN it is refused
    MigratedDatabase.assertViolates("23505", () -> newEvent("wb-ev", "event", "SOS", 3L));
    // AND two Last Wills of the same boot are both kept
    newEvent("wb-ev", "status", "OFFLINE", null);
    newEvent("wb-ev", "status", "OFFLINE", null);
    assertEquals(2, db.single("SELECT count(*) FROM device_events WHERE device_id = 'wb-ev' AND seq IS NULL"));
  }

  @Test
  @DisplayName("refuses an event type that the protocol does not define")
  void unknownEventTypeRejected() {
    MigratedDatabase.assertViolates("23514", () -> newEvent("wb-ev", "event", "EXPLOSION", 9L));
  }

  private static void newTelemetry(String device, String boot, long seq) throws SQLException {
    db.update("INSERT INTO telemetry (device_id, boot, seq, ts, hr) VALUES (?, ?, ?, ?, 80)", device, boot, seq, TS);
  }

  private static void newEvent(String device, String channel, String type, Long seq) throws SQLException {
    db.update("INSERT INTO device_events (device_id, boot, seq, ts, channel, type) VALUES (?, 'b1', ?, ?, ?, ?)",
        device, seq, TS, channel, type);
  }
}
