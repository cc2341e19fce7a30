package org.anxin.gateway.alarm;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.gateway.rules.ElderRules;
import org.anxin.gateway.rules.LocalWindow;
import org.anxin.gateway.rules.RuleBook;
import org.anxin.gateway.rules.RuleInput;
import org.anxin.gateway.rules.SafeZone;
import org.anxin.gateway.rules.StoredDevice;
import org.anxin.infra.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads every elder's settings and safe zones and every device's owner, on a worker, into one consistent book. */
final class RuleBookLoader {

  private static final Logger LOG = LoggerFactory.getLogger(RuleBookLoader.class);

  /** What one load found. */
  record Loaded(RuleBook book, Map<String, StoredDevice> owners) {
  }

  private final Database database;
  private final ZoneId timezone;

  RuleBookLoader(Database database, ZoneId timezone) {
    this.database = database;
    this.timezone = timezone;
  }

  Future<Loaded> load() {
    return database.withConnection(this::read);
  }

  private Loaded read(Connection c) throws SQLException {
    Map<Long, List<SafeZone>> zones = zones(c);
    Map<Long, ElderRules> elders = new HashMap<>();
    Map<Long, Long> householdOf = new HashMap<>();
    Map<Long, List<Long>> householdElders = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(RulesSql.ELDERS); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        long household = rs.getLong(2);
        householdOf.put(id, household);
        householdElders.computeIfAbsent(household, h -> new ArrayList<>()).add(id);
        elders.put(id, settings(id, rs.getArray(3), rs.getString(4), zones.getOrDefault(id, List.of())));
      }
    }
    RuleBook book = new RuleBook(timezone, elders, householdOf, householdElders);
    return new Loaded(book, owners(c, book));
  }

  private ElderRules settings(long elderId, Array categories, String overrides, List<SafeZone> zones)
      throws SQLException {
    List<String> cats = categories == null ? List.of() : List.of((String[]) categories.getArray());
    try {
      return ElderRules.of(timezone, cats, overrides == null ? null : new JsonObject(overrides), zones);
    } catch (RuntimeException e) {
      LOG.warn("Elder {} has rule settings that cannot be used ({}); the defaults apply", elderId, e.getMessage());
      return ElderRules.of(timezone, cats, null, zones);
    }
  }

  private static Map<Long, List<SafeZone>> zones(Connection c) throws SQLException {
    Map<Long, List<SafeZone>> zones = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(RulesSql.ZONES); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Time from = rs.getTime(9);
        Time to = rs.getTime(10);
        LocalWindow active = from == null ? null : new LocalWindow(from.toLocalTime(), to.toLocalTime());
        try {
          SafeZone zone = "POLYGON".equals(rs.getString(4))
              ? SafeZone.polygon(rs.getLong(1), rs.getString(3), vertices(rs.getString(8)), active)
              : SafeZone.circle(rs.getLong(1), rs.getString(3), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                  active);
          zones.computeIfAbsent(rs.getLong(2), e -> new ArrayList<>()).add(zone);
        } catch (RuntimeException e) {
          LOG.warn("Safe zone {} cannot be used ({}); it is left out", rs.getLong(1), e.getMessage());
        }
      }
    }
    return zones;
  }

  private static List<double[]> vertices(String json) {
    List<double[]> points = new ArrayList<>();
    for (Object p : new JsonArray(json)) {
      JsonArray pair = (JsonArray) p;
      points.add(new double[] {pair.getDouble(0), pair.getDouble(1)});
    }
    return points;
  }

  private static Map<String, StoredDevice> owners(Connection c, RuleBook book) throws SQLException {
    Map<String, StoredDevice> owners = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(RulesSql.DEVICES)) {
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Long household = rs.getObject(4, Long.class);
          Long elder = rs.getObject(3, Long.class);
          List<Long> residents = book.eldersOf(household);
          Long owner = elder != null ? elder : residents.size() == 1 ? residents.get(0) : null;
          owners.put(rs.getString(1), new StoredDevice(rs.getString(1), RuleInput.DeviceKind.valueOf(rs.getString(2)),
              owner, household, rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getInt(7),
              instant(rs.getTimestamp(8)), rs.getBoolean(9), instant(rs.getTimestamp(10)),
              rs.getObject(11, Double.class), rs.getObject(12, Double.class), instant(rs.getTimestamp(13))));
        }
      }
    }
    return owners;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
