package org.anxin.gateway.store;

import org.anxin.gateway.decode.Envelope;
import org.anxin.gateway.decode.TelemetryReading;
import org.anxin.infra.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage paths the gateway could take, timed on the same rows, one connection, one transaction per batch:
 * plain COPY (the database's ceiling, not idempotent), the gateway's staged COPY with ON CONFLICT, rewritten
 * multi-row INSERT with ON CONFLICT, and plain COPY guarded by a (device, boot) high-water mark kept in
 * {@code device_boots}. Each path starts from an empty {@code telemetry}.
 */
public final class StorePaths {

  /** A path's figure. */
  public record Figure(String path, long rows, double seconds) {
    public double rowsPerSecond() {
      return rows / seconds;
    }
  }

  @FunctionalInterface
  private interface Path {
    void store(Connection c, List<TelemetryReading> batch) throws SQLException;
  }

  /** Paths take turns this many times and each keeps its best: the machine is shared, so single runs wander. */
  private static final int ROUNDS = 3;

  private StorePaths() {
  }

  public static List<TelemetryReading> rows(List<String> devices, int perDevice, String boot) {
    long now = System.currentTimeMillis();
    List<TelemetryReading> rows = new ArrayList<>(devices.size() * perDevice);
    for (int seq = 0; seq < perDevice; seq++) {
      for (String d : devices) {
        int bat = (seq + d.hashCode()) & 63;
        rows.add(new TelemetryReading(new Envelope(d, boot, (long) seq, now - 1_000, now, false), 30.27, 120.15,
            12.5, "gnss", 60 + bat % 40, 97, bat, seq, true, 36.5, true));
      }
    }
    return rows;
  }

  public static Map<String, Figure> measure(Database database, List<TelemetryReading> rows, int batchSize)
      throws SQLException {
    Map<String, Path> paths = new LinkedHashMap<>();
    paths.put("copy_only", StorePaths::plainCopy);
    paths.put("staged_copy_on_conflict", BatchWriter::writeTelemetry);
    paths.put("multirow_insert_on_conflict", StorePaths::multiRowInsert);
    paths.put("copy_with_high_water_mark", StorePaths::copyWithHighWaterMark);
    paths.put("unnest_insert_on_conflict", StorePaths::unnestInsert);
    Map<String, Figure> figures = new LinkedHashMap<>();
    try (Connection c = database.dataSource().getConnection()) {
      for (int round = 0; round < ROUNDS; round++) {
        for (Map.Entry<String, Path> p : paths.entrySet()) {
          Figure f = time(c, p.getKey(), p.getValue(), rows, batchSize);
          figures.merge(p.getKey(), f, (a, b) -> a.seconds() <= b.seconds() ? a : b);
        }
      }
    }
    return figures;
  }

  private static Figure time(Connection c, String name, Path path, List<TelemetryReading> rows, int batchSize)
      throws SQLException {
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      st.execute("TRUNCATE telemetry, device_boots");
      st.execute("VACUUM ANALYZE telemetry");
    }
    c.setAutoCommit(false);
    long start = System.nanoTime();
    for (int i = 0; i < rows.size(); i += batchSize) {
      path.store(c, rows.subList(i, Math.min(rows.size(), i + batchSize)));
      c.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    c.setAutoCommit(true);
    return new Figure(name, rows.size(), seconds);
  }

  static void plainCopy(Connection c, List<TelemetryReading> batch) throws SQLException {
    CopyText copy = new CopyText(batch.size());
    for (TelemetryReading r : batch) {
      BatchWriter.envelope(copy, r.envelope()).number(r.lat()).number(r.lon()).number(r.acc()).text(r.src())
          .number(r.hr()).number(r.spo2()).number(r.bat()).number(r.steps()).bool(r.motion()).number(r.temp())
          .bool(r.worn()).endRow();
    }
    BatchWriter.copy(c, "COPY telemetry (" + GatewaySql.TELEMETRY_COLUMNS + ") FROM STDIN", copy);
  }

  private static void multiRowInsert(Connection c, List<TelemetryReading> batch) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("INSERT INTO telemetry (" + GatewaySql.TELEMETRY_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (TelemetryReading r : batch) {
        Envelope e = r.envelope();
        st.setString(1, e.deviceId());
        st.setString(2, e.boot());
        st.setLong(3, e.seq());
        st.setTimestamp(4, new Timestamp(e.ts()));
        st.setTimestamp(5, new Timestamp(e.receivedAt()));
        st.setBoolean(6, e.clockSkewed());
        st.setObject(7, r.lat(), Types.DOUBLE);
        st.setObject(8, r.lon(), Types.DOUBLE);
        st.setObject(9, r.acc(), Types.REAL);
        st.setString(10, r.src());
        st.setObject(11, r.hr(), Types.SMALLINT);
        st.setObject(12, r.spo2(), Types.SMALLINT);
        st.setObject(13, r.bat(), Types.SMALLINT);
        st.setObject(14, r.steps(), Types.INTEGER);
        st.setObject(15, r.motion(), Types.BOOLEAN);
        st.setObject(16, r.temp(), Types.REAL);
        st.setObject(17, r.worn(), Types.BOOLEAN);
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private static void unnestInsert(Connection c, List<TelemetryReading> batch) throws SQLException {
    int n = batch.size();
    String[] dev = new String[n];
    String[] boot = new String[n];
    Long[] seq = new Long[n];
    Timestamp[] ts = new Timestamp[n];
    Timestamp[] rec = new Timestamp[n];
    Boolean[] skew = new Boolean[n];
    Double[] lat = new Double[n];
    Double[] lon = new Double[n];
    Double[] acc = new Double[n];
    String[] src = new String[n];
    Integer[] hr = new Integer[n];
    Integer[] spo2 = new Integer[n];
    Integer[] bat = new Integer[n];
    Integer[] steps = new Integer[n];
    Boolean[] motion = new Boolean[n];
    Double[] temp = new Double[n];
    Boolean[] worn = new Boolean[n];
    for (int i = 0; i < n; i++) {
      TelemetryReading r = batch.get(i);
      Envelope e = r.envelope();
      dev[i] = e.deviceId();
      boot[i] = e.boot();
      seq[i] = e.seq();
      ts[i] = new Timestamp(e.ts());
      rec[i] = new Timestamp(e.receivedAt());
      skew[i] = e.clockSkewed();
      lat[i] = r.lat();
      lon[i] = r.lon();
      acc[i] = r.acc();
      src[i] = r.src();
      hr[i] = r.hr();
      spo2[i] = r.spo2();
      bat[i] = r.bat();
      steps[i] = r.steps();
      motion[i] = r.motion();
      temp[i] = r.temp();
      worn[i] = r.worn();
    }
    try (PreparedStatement st = c.prepareStatement("INSERT INTO telemetry (" + GatewaySql.TELEMETRY_COLUMNS
        + ") SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::timestamptz[],"
        + " ?::boolean[], ?::float8[], ?::float8[], ?::float4[], ?::text[], ?::int2[], ?::int2[], ?::int2[],"
        + " ?::int4[], ?::boolean[], ?::float4[], ?::boolean[]) ON CONFLICT DO NOTHING")) {
      Object[][] arrays = {dev, boot, seq, ts, rec, skew, lat, lon, acc, src, hr, spo2, bat, steps, motion, temp, worn};
      String[] types = {"text", "text", "int8", "timestamptz", "timestamptz", "bool", "float8", "float8", "float8",
          "text", "int4", "int4", "int4", "int4", "bool", "float8", "bool"};
      for (int i = 0; i < arrays.length; i++) {
        st.setArray(i + 1, c.createArrayOf(types[i], arrays[i]));
      }
      st.executeUpdate();
    }
  }

  /** The high-water path: plain COPY plus one upsert of each (device, boot)'s highest seq in the batch. */
  private static void copyWithHighWaterMark(Connection c, List<TelemetryReading> batch) throws SQLException {
    plainCopy(c, batch);
    Map<String, Long> high = new HashMap<>();
    for (TelemetryReading r : batch) {
      high.merge(r.envelope().deviceId() + '\t' + r.envelope().boot(), r.envelope().seq(), Math::max);
    }
    CopyText marks = new CopyText(high.size());
    high.forEach((key, seq) -> {
      int tab = key.indexOf('\t');
      marks.text(key.substring(0, tab)).text(key.substring(tab + 1)).number(seq).endRow();
    });
    BatchWriter.stageAndMove(c,
        "CREATE TEMP TABLE IF NOT EXISTS boots_stage (device_id text, boot text, high_seq bigint)"
            + " ON COMMIT DELETE ROWS",
        "COPY boots_stage FROM STDIN", marks,
        "INSERT INTO device_boots (device_id, boot, high_seq) SELECT device_id, boot, high_seq FROM boots_stage"
            + " ON CONFLICT (device_id, boot) DO UPDATE SET high_seq = greatest(device_boots.high_seq,"
            + " EXCLUDED.high_seq), last_seen = now()");
  }
}
