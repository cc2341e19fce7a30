package org.anxin.gateway.alarm;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.db.Database;
import org.anxin.infra.security.SecretHasher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The people and devices of the end-to-end alarm tests: elder 1 (wristbands wb-1, wb-3, wb-4; home terminal ht-1),
 * a wandering elder with dementia (wristband wb-2, terminal ht-2, a 300 m safe zone around home, the whole day as
 * night window) and elder 3 (terminal ht-3), all in one village; every elder's "by day" is the whole day.
 */
final class AlarmFleet {

  private static final double METRES_PER_DEGREE = 111_195;
  /** The by-day windows cover the whole day, so the tests do not depend on the hour they run at. */
  private static final String ALL_DAY = "{\"day\":\"00:00-00:00\"}";
  private final long elderId;
  private final long wanderer;
  private final double homeLat;
  private final double homeLon;

  private AlarmFleet(long elderId, long wanderer, double homeLat, double homeLon) {
    this.elderId = elderId;
    this.wanderer = wanderer;
    this.homeLat = homeLat;
    this.homeLon = homeLon;
  }

  static AlarmFleet create(Database database, double homeLat, double homeLon) {
    try (Connection c = database.dataSource().getConnection()) {
      long township = id(c, "INSERT INTO townships (name) VALUES ('Liangzhu') RETURNING id");
      long village = id(c, "INSERT INTO villages (township_id, name) VALUES (" + township + ", 'East') RETURNING id");
      long one = elder(c, village, "'{}'", ALL_DAY);
      long two = elder(c, village, "'{DEMENTIA}'", "{\"night\":\"00:00-00:00\",\"day\":\"00:00-00:00\"}");
      long three = elder(c, village, "'{}'", ALL_DAY);
      device(c, "wb-1", "WRISTBAND", one);
      device(c, "wb-3", "WRISTBAND", one);
      device(c, "wb-4", "WRISTBAND", one);
      device(c, "ht-1", "HOME_TERMINAL", one);
      device(c, "wb-2", "WRISTBAND", two);
      device(c, "ht-2", "HOME_TERMINAL", two);
      device(c, "ht-3", "HOME_TERMINAL", three);
      id(c, "INSERT INTO safe_zones (elder_id, name, kind, center_lat, center_lon, radius_m) VALUES (" + two
          + ", 'home', 'CIRCLE', " + homeLat + ", " + homeLon + ", " + 300 + ") RETURNING id");
      return new AlarmFleet(one, two, homeLat, homeLon);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long elderId() {
    return elderId;
  }

  long wanderer() {
    return wanderer;
  }

  /** A message's identity fields, timed {@code ago} before now (devices may report late, up to 7 days). */
  JsonObject message(String deviceId, long seq, Duration ago) {
    return message(deviceId, seq).put("ts", System.currentTimeMillis() - ago.toMillis());
  }

  /** A message's identity fields, timed now. */
  JsonObject message(String deviceId, long seq) {
    return new JsonObject().put("ts", System.currentTimeMillis()).put("seq", seq).put("boot", "b1");
  }

  /** A fix {@code northM} metres north of home with the given accuracy. */
  JsonObject fix(String deviceId, long seq, double northM, double acc) {
    return message(deviceId, seq).put("lat", homeLat + northM / METRES_PER_DEGREE).put("lon", homeLon)
        .put("acc", acc).put("src", "gnss");
  }

  private static long elder(Connection c, long village, String categories, String settings) throws SQLException {
    long household = id(c, "INSERT INTO households (address, village_id) VALUES ('1 Road', " + village
        + ") RETURNING id");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO elders (household_id, name, categories, "
        + "rule_settings) VALUES (?, 'Elder', " + categories + "::text[], ?::jsonb) RETURNING id")) {
      ps.setLong(1, household);
      ps.setString(2, settings);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void device(Connection c, String id, String type, long elderId) throws SQLException {
    String owner = type.equals("WRISTBAND") ? "elder_id" : "household_id";
    String value = type.equals("WRISTBAND") ? String.valueOf(elderId)
        : "(SELECT household_id FROM elders WHERE id = " + elderId + ")";
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (id, type, " + owner + ", secret_hash) "
        + "VALUES (?, ?, " + value + ", ?)")) {
      ps.setString(1, id);
      ps.setString(2, type);
      ps.setString(3, SecretHasher.hash(SecretHasher.newSecret()));
      ps.executeUpdate();
    }
  }

  private static long id(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
