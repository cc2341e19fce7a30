package org.anxin.console.testing;

import org.anxin.infra.security.PasswordHasher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/** Writes {@link People} into a migrated database, with a wristband for elder A that has a fix and a short track. */
public final class Seed {

  private static final String HASH = PasswordHasher.hash(People.PASSWORD);

  private Seed() {
  }

  static People people(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      long tA = id(c, "INSERT INTO townships (name) VALUES ('东城镇') RETURNING id");
      long tB = id(c, "INSERT INTO townships (name) VALUES ('西山乡') RETURNING id");
      long vA = id(c, "INSERT INTO villages (township_id, name) VALUES (?, '桃园村') RETURNING id", tA);
      long vB = id(c, "INSERT INTO villages (township_id, name) VALUES (?, '柳溪村') RETURNING id", tB);
      long hA = id(c, "INSERT INTO households (address, home_lat, home_lon, village_id) VALUES "
          + "('桃园村 1 号', 30.1, 120.1, ?) RETURNING id", vA);
      long hB = id(c, "INSERT INTO households (address, home_lat, home_lon, village_id) VALUES "
          + "('柳溪村 9 号', 30.5, 120.5, ?) RETURNING id", vB);
      long eA = id(c, "INSERT INTO elders (household_id, name, categories, party_member_since, party_branch) VALUES "
          + "(?, '王秀英', '{PARTY_MEMBER,DEMENTIA}', '1970-07-01', '桃园村支部') RETURNING id", hA);
      long eB = id(c, "INSERT INTO elders (household_id, name, phone) VALUES (?, '李建国', '13800000002') RETURNING id",
          hB);
      long cA = id(c, "INSERT INTO carers (name, phone, village_id, township_id) VALUES ('张护理', '13900000001', ?, ?) "
          + "RETURNING id", vA, tA);
      long cB = id(c, "INSERT INTO carers (name, phone, village_id, township_id) VALUES ('赵护理', '13900000002', ?, ?) "
          + "RETURNING id", vB, tB);
      update(c, "INSERT INTO carer_elders (carer_id, elder_id, role) VALUES (?, ?, 'PRIMARY'), (?, ?, 'PRIMARY')",
          cA, eA, cB, eB);
      Instant now = Instant.now();
      update(c, "INSERT INTO shifts (carer_id, starts_at, ends_at) VALUES (?, ?, ?), (?, ?, ?)", cA,
          ts(now.minus(1, ChronoUnit.HOURS)), ts(now.plus(8, ChronoUnit.HOURS)), cB,
          ts(now.minus(1, ChronoUnit.HOURS)), ts(now.plus(8, ChronoUnit.HOURS)));
      long op = user(c, "op", "operator", null);
      long sup = user(c, "sup", "supervisor", null);
      long adm = user(c, "adm", "admin", null);
      long famA = user(c, "famA", "family", null);
      long famB = user(c, "famB", "family", null);
      long carA = user(c, "carA", "carer", cA);
      long carB = user(c, "carB", "carer", cB);
      update(c, "UPDATE carers SET user_id = ? WHERE id = ?", carA, cA);
      update(c, "UPDATE carers SET user_id = ? WHERE id = ?", carB, cB);
      update(c, "INSERT INTO user_elders (user_id, elder_id, relation) VALUES (?, ?, '女儿'), (?, ?, '儿子')",
          famA, eA, famB, eB);
      String wristband = "wb-A-0001";
      wristband(c, wristband, eA, now);
      return new People(tA, tB, vA, vB, hA, hB, eA, eB, cA, cB, op, sup, adm, famA, famB, carA, carB, wristband);
    }
  }

  private static void wristband(Connection c, String id, long elder, Instant now) throws SQLException {
    update(c, "INSERT INTO devices (id, type, elder_id, secret_hash) VALUES (?, 'WRISTBAND', ?, 'x')", id, elder);
    update(c, "INSERT INTO device_state (device_id, boot, last_seq, last_seen, last_fix_lat, last_fix_lon, "
        + "last_fix_acc, last_fix_at, bat, worn, online) VALUES (?, 'b1', 3, ?, 30.101, 120.102, 12, ?, 80, true, "
        + "true)", id, ts(now), ts(now));
    for (int i = 0; i < 3; i++) {
      update(c, "INSERT INTO telemetry (device_id, boot, seq, ts, lat, lon, acc, src, hr, steps, motion) VALUES "
          + "(?, 'b1', ?, ?, ?, 120.1, 10, 'gnss', 72, ?, true)", id, i, ts(now.minus(3 - i, ChronoUnit.MINUTES)),
          30.1 + i * 0.001, 100 * i);
    }
  }

  private static long user(Connection c, String name, String role, Long carerId) throws SQLException {
    return id(c, "INSERT INTO users (username, password_hash, role, display_name, carer_id) VALUES (?, ?, ?, ?, ?) "
        + "RETURNING id", name, HASH, role, name, carerId);
  }

  private static Timestamp ts(Instant at) {
    return Timestamp.from(at);
  }

  public static long id(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = prepared(c, sql, args); ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = prepared(c, sql, args)) {
      st.executeUpdate();
    }
  }

  private static PreparedStatement prepared(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
    return st;
  }
}
