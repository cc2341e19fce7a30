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
import java.util.function.Predicate;

/**
 * Rows as JDBC batches of {@code INSERT … ON CONFLICT DO NOTHING}, which pgjdbc rewrites into multi-row inserts
 * ({@code reWriteBatchedInserts}) and sends in one round trip. Messages the unique index cannot catch on every
 * storage (clock-skewed ones and Last Wills) go through a guarded statement that checks their identity first.
 */
final class RowInserts {

  private RowInserts() {
  }

  /** Binds one row's values from parameter 1 on; returns the next parameter's index. */
  @FunctionalInterface
  private interface Values<T> {
    int bind(PreparedStatement st, T row) throws SQLException;
  }

  /** Binds the identity a guarded statement checks, from parameter {@code from} on. */
  @FunctionalInterface
  private interface Identity<T> {
    void bind(PreparedStatement st, int from, T row) throws SQLException;
  }

  static void telemetry(Connection c, List<TelemetryReading> rows) throws SQLException {
    insert(c, rows, GatewaySql.INSERT_TELEMETRY, GatewaySql.INSERT_TELEMETRY_GUARDED,
        r -> r.envelope().clockSkewed(), RowInserts::bindTelemetry,
        (st, from, r) -> bindIdentity(st, from, r.envelope()));
  }

  static void events(Connection c, List<DeviceEvent> rows) throws SQLException {
    insert(c, rows, GatewaySql.INSERT_EVENT, GatewaySql.INSERT_EVENT_GUARDED,
        e -> e.envelope().clockSkewed() || e.envelope().seq() == null, RowInserts::bindEvent,
        (st, from, e) -> {
          st.setString(from, e.envelope().deviceId());
          st.setString(from + 1, e.channel().segment());
          st.setString(from + 2, e.envelope().boot());
          st.setObject(from + 3, e.envelope().seq(), Types.BIGINT);
        });
  }

  private static <T> void insert(Connection c, List<T> rows, String plainSql, String guardedSql,
                                 Predicate<T> unindexed, Values<T> values, Identity<T> identity) throws SQLException {
    try (PreparedStatement plain = c.prepareStatement(plainSql);
         PreparedStatement guarded = c.prepareStatement(guardedSql)) {
      int plainRows = 0;
      int guardedRows = 0;
      for (T row : rows) {
        if (unindexed.test(row)) {
          identity.bind(guarded, values.bind(guarded, row), row);
          guarded.addBatch();
          guardedRows++;
        } else {
          values.bind(plain, row);
          plain.addBatch();
          plainRows++;
        }
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
