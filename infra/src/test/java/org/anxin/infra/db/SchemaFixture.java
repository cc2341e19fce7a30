package org.anxin.infra.db;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** Small helpers shared by the schema tests: a data source for a JDBC URL and one-line queries. */
final class SchemaFixture {

  /** The tables of the schema contract (COMMON.md), plus the schema's own device_boots. */
  static final List<String> CONTRACT_TABLES = List.of("townships", "villages", "households", "elders", "devices",
      "safe_zones", "carers", "carer_elders", "shifts", "volunteers", "users", "user_elders", "providers",
      "provider_areas", "telemetry", "device_events", "device_state", "rejected_messages", "alarms", "alarm_events",
      "service_orders", "order_events", "calls", "call_events", "audit_log", "device_boots");

  private SchemaFixture() {
  }

  static DataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static boolean relationExists(DataSource ds, String name) throws SQLException {
    return count(ds, "SELECT count(*) FROM pg_class WHERE relname = '" + name + "' AND relnamespace = "
        + "'public'::regnamespace AND relkind IN ('r', 'v', 'm', 'p')") > 0;
  }
}
