package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** Places, an elder with a wristband, and small query helpers for the alarm tests. */
final class AlarmFixture {

  /** An elder in a household in a village, wearing a wristband. */
  record Elder(long elderId, long householdId, String deviceId, long villageId, long townshipId) {

    AlarmSubject subject() {
      return new AlarmSubject(elderId, householdId, deviceId, villageId, townshipId);
    }
  }

  private AlarmFixture() {
  }

  static DataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  static Elder newElder(DataSource ds, String deviceId) throws SQLException {
    long township = insert(ds, "INSERT INTO townships (name) VALUES ('T-" + deviceId + "') RETURNING id");
    long village = insert(ds, "INSERT INTO villages (township_id, name) VALUES (" + township + ", 'V') RETURNING id");
    long household = insert(ds, "INSERT INTO households (address, village_id) VALUES ('1 Road', " + village
        + ") RETURNING id");
    long elder = insert(ds, "INSERT INTO elders (household_id, name) VALUES (" + household + ", 'Li') RETURNING id");
    insert(ds, "INSERT INTO devices (id, type, elder_id, household_id, secret_hash) VALUES ('" + deviceId
        + "', 'WRISTBAND', " + elder + ", " + household + ", 'x') RETURNING 1");
    return new Elder(elder, household, deviceId, village, township);
  }

  static RaiseRequest sos(Elder e, String boot, long seq) {
    MessageIdentity source = new MessageIdentity(e.deviceId(), boot, seq, Instant.parse("2026-11-29T02:00:00Z")
        .plusSeconds(seq));
    return RaiseRequest.fromMessage(e.subject(), AlarmType.SOS, 1, source, 31.2, 121.4, new JsonObject());
  }

  static RaiseRequest of(Elder e, AlarmType type, long seq) {
    MessageIdentity source = new MessageIdentity(e.deviceId(), "b1", seq, Instant.parse("2026-11-29T02:00:00Z"));
    return RaiseRequest.fromMessage(e.subject(), type, type.defaultPriority(), source, null, null, null);
  }

  static long count(DataSource ds, String sql, Object... params) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Polls a condition every 20 ms until it holds; fails after the timeout. */
  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  /** A count that answers -1 instead of throwing while the database is down. */
  static long countOrMinusOne(DataSource ds, String sql, Object... params) {
    try {
      return count(ds, sql, params);
    } catch (SQLException e) {
      return -1;
    }
  }

  private static long insert(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
