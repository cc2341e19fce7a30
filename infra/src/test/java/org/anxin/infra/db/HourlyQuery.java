package org.anxin.infra.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One query against telemetry_hourly and what it must answer, shared by the plain and the TimescaleDB test so that
 * both branches are held to the same result.
 */
final class HourlyQuery {

  private static final OffsetDateTime HOUR = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);
  private static final String QUERY = "SELECT bucket, samples, hr_avg, hr_min, hr_max, bat_min, steps_max, motion_any"
      + " FROM telemetry_hourly WHERE device_id = ? AND bucket >= ? AND bucket < ? ORDER BY bucket";

  private HourlyQuery() {
  }

  /** GIVEN three readings in one hour and one in the next WHEN the hourly view is read THEN two rows add them up. */
  static void assertAnswers(DataSource ds, String device) throws SQLException {
    insert(ds, device, 1, HOUR.plusMinutes(1), 70, 90, 100, false);
    insert(ds, device, 2, HOUR.plusMinutes(20), 80, 88, 250, true);
    insert(ds, device, 3, HOUR.plusMinutes(59).plusSeconds(59), 90, 89, 300, false);
    insert(ds, device, 4, HOUR.plusHours(1), 60, 87, 310, false);
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(QUERY)) {
      st.setString(1, device);
      st.setObject(2, HOUR);
      st.setObject(3, HOUR.plusHours(2));
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(HOUR.toInstant(), rs.getObject("bucket", OffsetDateTime.class).toInstant());
        assertEquals(3, rs.getLong("samples"));
        assertEquals(80.0, rs.getDouble("hr_avg"), 1e-9);
        assertEquals(70, rs.getInt("hr_min"));
        assertEquals(90, rs.getInt("hr_max"));
        assertEquals(88, rs.getInt("bat_min"));
        assertEquals(300, rs.getInt("steps_max"));
        assertTrue(rs.getBoolean("motion_any"));
        assertTrue(rs.next());
        assertEquals(1, rs.getLong("samples"));
        assertFalse(rs.getBoolean("motion_any"));
        assertFalse(rs.next());
      }
    }
  }

  private static void insert(DataSource ds, String device, long seq, OffsetDateTime ts, int hr, int bat, int steps,
                             boolean motion) throws SQLException {
    MigratedDatabase.update(ds, "INSERT INTO telemetry (device_id, boot, seq, ts, hr, bat, steps, motion) "
        + "VALUES (?, 'b1', ?, ?, ?, ?, ?, ?)", device, seq, ts, (short) hr, (short) bat, steps, motion);
  }
}
