package org.anxin.gateway.store;

import org.anxin.gateway.decode.DeviceEvent;
import org.anxin.gateway.decode.Envelope;
import org.anxin.gateway.decode.TelemetryReading;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Rows as JDBC batches of {@code INSERT … ON CONFLICT DO NOTHING}, which pgjdbc rewrites into multi-row inserts
 * ({@code reWriteBatchedInserts}) and sends in one round trip. Messages the unique index cannot catch on every
 * storage (clock-skewed ones and Last Wills) go through a guarded statement that checks their identity first.
 */
final class RowInserts {

  private RowInserts() {
  }

  static void telemetry(Connection c, List<TelemetryReading> rows) throws SQLException {
    try (PreparedStatement plain = c.prepareStatement(GatewaySql.INSERT_TELEMETRY);
         PreparedStatement guarded = c.prepareStatement(GatewaySql.INSERT_TELEMETRY_GUARDED)) {
      int plainRows = 0;
      int guardedRows = 0;
      for (TelemetryReading r : rows) {
        Envelope e = r.envelope();
        PreparedStatement st = e.clockSkewed() ? guarded : plain;
        int next = bindTelemetry(st, r);
        if (e.clockSkewed()) {
          bindIdentity(st, next, e);
          guardedRows++;
        } else {
          plainRows++;
        }
        st.addBatch();
      }
      execute(plain, plainRows);
      execute(guarded, guardedRows);
    }
  }

  static void events(Connection c, List<DeviceEvent> rows) throws SQLException {
    try (PreparedStatement plain = c.prepareStatement(GatewaySql.INSERT_EVENT);
         PreparedStatement guarded = c.prepareStatement(GatewaySql.INSERT_EVENT_GUARDED)) {
      int plainRows = 0;
      int guardedRows = 0;
      for (DeviceEvent event : rows) {
        Envelope e = event.envelope();
        boolean unindexed = e.clockSkewed() || e.seq() == null;
        PreparedStatement st = unindexed ? guarded : plain;
        int next = bindEvent(st, event);
        if (unindexed) {
          st.setString(next, e.deviceId());
          st.setString(next + 1, event.channel().segment());
          st.setString(next + 2, e.boot());
          st.setObject(next + 3, e.seq(), Types.BIGINT);
          guardedRows++;
        } else {
          plainRows++;
        }
        st.addBatch();
      }
      execute(plain, plainRows);
      execute(guarded, guardedRows);
    }
  }

  private static void execute(PreparedStatement st, int rows) throws SQLException {
    if (rows > 0) {
      st.executeBatch();
    }
  }

  private static int bindTelemetry(PreparedStatement st, TelemetryReading r) throws SQLException {
    int i = bindEnvelope(st, r.envelope());
    st.setObject(i++, r.lat(), Types.DOUBLE);
    st.setObject(i++, r.lon(), Types.DOUBLE);
    st.setObject(i++, r.acc(), Types.REAL);
    st.setObject(i++, r.src(), Types.VARCHAR);
    st.setObject(i++, r.hr(), Types.SMALLINT);
    st.setObject(i++, r.spo2(), Types.SMALLINT);
    st.setObject(i++, r.bat(), Types.SMALLINT);
    st.setObject(i++, r.steps(), Types.INTEGER);
    st.setObject(i++, r.motion(), Types.BOOLEAN);
    st.setObject(i++, r.temp(), Types.REAL);
    st.setObject(i++, r.worn(), Types.BOOLEAN);
    return i;
  }

  private static int bindEvent(PreparedStatement st, DeviceEvent event) throws SQLException {
    int i = bindEnvelope(st, event.envelope());
    st.setString(i++, event.channel().segment());
    st.setString(i++, event.type());
    st.setObject(i++, event.sensor(), Types.VARCHAR);
    st.setObject(i++, event.lat(), Types.DOUBLE);
    st.setObject(i++, event.lon(), Types.DOUBLE);
    st.setObject(i++, event.acc(), Types.REAL);
    st.setString(i++, event.payload());
    return i;
  }

  private static int bindEnvelope(PreparedStatement st, Envelope e) throws SQLException {
    st.setString(1, e.deviceId());
    st.setString(2, e.boot());
    st.setObject(3, e.seq(), Types.BIGINT);
    st.setTimestamp(4, new Timestamp(e.ts()));
    st.setTimestamp(5, new Timestamp(e.receivedAt()));
    st.setBoolean(6, e.clockSkewed());
    return 7;
  }

  private static void bindIdentity(PreparedStatement st, int from, Envelope e) throws SQLException {
    st.setString(from, e.deviceId());
    st.setString(from + 1, e.boot());
    st.setObject(from + 2, e.seq(), Types.BIGINT);
  }
}
