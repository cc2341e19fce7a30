package org.anxin.hotline.testing;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Small helpers that insert the people a call is about, and read results with plain SQL. */
public final class Fixtures {

  private final Database database;
  private long village;

  Fixtures(Database database) {
    this.database = database;
  }

  public long newHousehold(String landline) {
    return id("INSERT INTO households (address, village_id, landline, home_lat, home_lon) "
        + "VALUES ('幸福村 3 号', ?, ?, 30.1, 120.2) RETURNING id", village(), landline);
  }

  public long newElder(long household, String name, String phone, String... categories) {
    return id("INSERT INTO elders (household_id, name, phone, categories, party_member_since, party_branch, "
        + "party_record) VALUES (?, ?, ?, ?::text[], DATE '1971-07-01', '幸福村党支部', '{\"dues\": \"paid\"}') "
        + "RETURNING id", household, name, phone, "{" + String.join(",", categories) + "}");
  }

  public long newUser(String role, String phone) {
    return id("INSERT INTO users (username, password_hash, role, phone) VALUES (?, 'x', ?, ?) RETURNING id",
        role + "-" + UUID.randomUUID().toString().substring(0, 8), role, phone);
  }

  public void linkFamily(long user, long elder) {
    id("INSERT INTO user_elders (user_id, elder_id, relation) VALUES (?, ?, 'son') RETURNING user_id", user, elder);
  }

  public long newCarer(String phone, long elder) {
    long carer = id("INSERT INTO carers (name, phone) VALUES ('王护理', ?) RETURNING id", phone);
    id("INSERT INTO carer_elders (carer_id, elder_id) VALUES (?, ?) RETURNING carer_id", carer, elder);
    return carer;
  }

  public long newOpenAlarm(long elder, String type) {
    return id("INSERT INTO alarms (elder_id, type, priority) VALUES (?, ?, 1) RETURNING id", elder, type);
  }

  public String username(long user) {
    return row("SELECT username FROM users WHERE id = ?", user).getString("username");
  }

  public JsonObject row(String sql, Object... params) {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = statement(c, sql, params);
         ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      JsonObject row = new JsonObject();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        Object v = rs.getObject(i);
        row.put(rs.getMetaData().getColumnLabel(i), v instanceof Number || v instanceof Boolean || v == null
            ? v : v.toString());
      }
      return row;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public long count(String sql, Object... params) {
    return row(sql, params).getLong("count");
  }

  /** Runs an INSERT … RETURNING and answers the first column. */
  private long id(String sql, Object... params) {
    JsonObject row = row(sql, params);
    return ((Number) row.getValue(row.fieldNames().iterator().next())).longValue();
  }

  private long village() {
    if (village == 0) {
      long township = row("INSERT INTO townships (name) VALUES ('安心镇') RETURNING id").getLong("id");
      village = row("INSERT INTO villages (township_id, name) VALUES (?, '幸福村') RETURNING id", township)
          .getLong("id");
    }
    return village;
  }

  private static PreparedStatement statement(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }
}
