package org.anxin.gateway.store;

import io.vertx.core.Future;
import org.anxin.gateway.state.DeviceStateRow;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code device_state} on start and writes changed devices in one COPY-and-upsert per flush. */
public final class DeviceStateStore {

  private final Database database;

  public DeviceStateStore(Database database) {
    this.database = database;
  }

  public Future<Integer> write(List<DeviceStateRow> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return database.inTransaction(c -> {
      CopyText copy = new CopyText(rows.size());
      for (DeviceStateRow r : rows) {
        copy.text(r.deviceId()).text(r.boot()).number(r.lastSeq()).time(r.lastSeen()).number(r.lastFixLat())
            .number(r.lastFixLon()).number(r.lastFixAcc()).time(r.lastFixAt()).number(r.bat()).bool(r.worn())
            .bool(r.online()).text(r.fw()).number(r.intervalS()).time(r.lastMotionAt()).time(r.updatedAt())
            .endRow();
      }
      return BatchWriter.stageAndMove(c, GatewaySql.CREATE_STATE_STAGE, GatewaySql.COPY_STATE_STAGE, copy,
          GatewaySql.MOVE_STATE);
    });
  }

  public Future<List<DeviceStateRow>> load() {
    return database.withConnection(c -> {
      List<DeviceStateRow> rows = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(GatewaySql.LOAD_STATE)) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    });
  }

  private static DeviceStateRow row(ResultSet rs) throws SQLException {
    return new DeviceStateRow(rs.getString("device_id"), rs.getString("boot"), Jdbc.nullableLong(rs, "last_seq"),
        millis(rs, "last_seen"), Jdbc.nullableDouble(rs, "last_fix_lat"), Jdbc.nullableDouble(rs, "last_fix_lon"),
        Jdbc.nullableDouble(rs, "last_fix_acc"), millis(rs, "last_fix_at"), Jdbc.nullableInt(rs, "bat"),
        Jdbc.nullableBool(rs, "worn"), rs.getBoolean("online"), rs.getString("fw"), Jdbc.nullableInt(rs, "interval_s"),
        millis(rs, "last_motion_at"), rs.getTimestamp("updated_at").getTime());
  }

  private static Long millis(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.getTime();
  }
}
