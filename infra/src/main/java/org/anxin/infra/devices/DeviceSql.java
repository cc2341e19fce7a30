package org.anxin.infra.devices;

import org.anxin.infra.security.SecretHasher;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every statement on the {@code devices} table made by device registration and broker access. */
public final class DeviceSql {

  private DeviceSql() {
  }

  /** Login rows of those of {@code ids} that are registered. */
  public static Map<String, DeviceLogin> logins(Connection c, Collection<String> ids) throws SQLException {
    Map<String, DeviceLogin> found = new HashMap<>();
    try (PreparedStatement st = c.prepareStatement(
        "SELECT id, secret_hash, enabled FROM devices WHERE id = ANY (?)")) {
      st.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), new DeviceLogin(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
        }
      }
    }
    return found;
  }

  static Set<String> registeredIds(Connection c, Collection<String> ids) throws SQLException {
    return existing(c, "SELECT id FROM devices WHERE id = ANY (?)", c.createArrayOf("text", ids.toArray()));
  }

  static Set<String> existingElders(Connection c, Collection<Long> ids) throws SQLException {
    return existing(c, "SELECT id::text FROM elders WHERE id = ANY (?)", c.createArrayOf("bigint", ids.toArray()));
  }

  static Set<String> existingHouseholds(Connection c, Collection<Long> ids) throws SQLException {
    return existing(c, "SELECT id::text FROM households WHERE id = ANY (?)",
        c.createArrayOf("bigint", ids.toArray()));
  }

  private static Set<String> existing(Connection c, String sql, Array ids) throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setArray(1, ids);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }

  /** Inserts the devices in one batch; {@code secrets.get(i)} belongs to {@code devices.get(i)}. */
  static void insert(Connection c, List<NewDevice> devices, List<String> secrets) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("INSERT INTO devices"
        + " (id, type, model, elder_id, household_id, secret_hash, broker_hash, interval_s)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < devices.size(); i++) {
        NewDevice d = devices.get(i);
        st.setString(1, d.id());
        st.setString(2, d.type().name());
        st.setString(3, d.model());
        setLong(st, 4, d.elderId());
        setLong(st, 5, d.householdId());
        st.setString(6, SecretHasher.hash(secrets.get(i)));
        st.setString(7, MosquittoHash.hash(secrets.get(i)));
        st.setInt(8, d.intervalS());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** Replaces a device's secret; the row's type and elder, or {@code null} when no such device exists. */
  static IssuedSecret rotate(Connection c, String id, String secret) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("UPDATE devices"
        + " SET secret_hash = ?, broker_hash = ?, secret_rotated_at = now() WHERE id = ? RETURNING type, elder_id")) {
      st.setString(1, SecretHasher.hash(secret));
      st.setString(2, MosquittoHash.hash(secret));
      st.setString(3, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long elder = rs.getLong(2);
        return new IssuedSecret(id, secret, DeviceType.valueOf(rs.getString(1)), rs.wasNull() ? null : elder);
      }
    }
  }

  /** Id and Mosquitto hash of every enabled device that has one, by id. */
  static Map<String, String> brokerHashes(Connection c) throws SQLException {
    Map<String, String> hashes = new TreeMap<>();
    try (PreparedStatement st = c.prepareStatement(
        "SELECT id, broker_hash FROM devices WHERE enabled AND broker_hash IS NOT NULL");
         ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        hashes.put(rs.getString(1), rs.getString(2));
      }
    }
    return hashes;
  }

  private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
    if (value == null) {
      st.setNull(index, Types.BIGINT);
    } else {
      st.setLong(index, value);
    }
  }
}
