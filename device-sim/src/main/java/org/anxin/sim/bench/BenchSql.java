package org.anxin.sim.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

/** Every statement the benchmarks run: counting what was committed, the COPY baseline's scratch table, clean-up. */
final class BenchSql {

  /** The columns the gateway fills for a wristband reading, in the COPY baseline's order. */
  static final String COPY_COLUMNS = "device_id, boot, seq, ts, received_at, clock_skewed, lat, lon, acc, src, hr, "
      + "spo2, bat, steps, worn";

  private BenchSql() {
  }

  static long committedTelemetry(Connection c, String idPrefix, long sinceMs) throws SQLException {
    return count(c, "SELECT count(*) FROM telemetry WHERE device_id LIKE ? AND received_at >= ?", idPrefix, sinceMs);
  }

  static long rejected(Connection c, String idPrefix, long sinceMs) throws SQLException {
    return count(c, "SELECT count(*) FROM rejected_messages WHERE device_id LIKE ? AND received_at >= ?", idPrefix,
        sinceMs);
  }

  private static long count(Connection c, String sql, String idPrefix, long sinceMs) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, like(idPrefix));
      st.setTimestamp(2, new Timestamp(sinceMs));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A scratch copy of telemetry for this session only: same columns, no rows, gone when the connection closes. */
  static void createScratchTelemetry(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE IF NOT EXISTS bench_copy (LIKE telemetry INCLUDING DEFAULTS)");
      st.execute("TRUNCATE bench_copy");
    }
  }

  static String copyStatement() {
    return "COPY bench_copy (" + COPY_COLUMNS + ") FROM STDIN (FORMAT csv)";
  }

  /** When each SOS of the bench raised its alarm, keyed by {@code device/boot/seq}. */
  static Map<String, Long> alarmsRaised(Connection c, String idPrefix) throws SQLException {
    Map<String, Long> raised = new HashMap<>();
    try (PreparedStatement st = c.prepareStatement("SELECT source_device_id, source_boot, source_seq, opened_at"
        + " FROM alarms WHERE type = 'SOS' AND source_device_id LIKE ?")) {
      st.setString(1, like(idPrefix));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          raised.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3),
              rs.getTimestamp(4).getTime());
        }
      }
    }
    return raised;
  }

  /** Removes the bench's devices and everything they left behind. */
  static int deleteBenchDevices(Connection c, String idPrefix) throws SQLException {
    String pattern = like(idPrefix);
    for (String table : new String[] {"telemetry", "device_events", "device_boots", "rejected_messages"}) {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE device_id LIKE ?")) {
        st.setString(1, pattern);
        st.executeUpdate();
      }
    }
    try (PreparedStatement st = c.prepareStatement("DELETE FROM alarms WHERE source_device_id LIKE ?")) {
      st.setString(1, pattern);
      st.executeUpdate();
    }
    try (PreparedStatement st = c.prepareStatement("DELETE FROM devices WHERE id LIKE ?")) {
      st.setString(1, pattern);
      return st.executeUpdate();
    }
  }

  private static String like(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
