package org.anxin.gateway.store;

import io.vertx.core.Future;
import org.anxin.gateway.decode.DeviceEvent;
import org.anxin.gateway.decode.Envelope;
import org.anxin.gateway.decode.TelemetryReading;
import org.anxin.infra.db.Database;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Stores one batch in one transaction on a worker thread: COPY into staging tables, then an idempotent move into
 * {@code telemetry} and {@code device_events}; rejects are inserted and the rejects table trimmed to its cap.
 */
public final class BatchWriter {

  private final Database database;
  private final int rejectCap;

  public BatchWriter(Database database, int rejectCap) {
    this.database = database;
    this.rejectCap = rejectCap;
  }

  public Future<Void> write(StoreBatch batch) {
    return database.inTransaction(c -> {
      writeTelemetry(c, batch.telemetry());
      writeEvents(c, batch.events());
      writeRejects(c, batch.rejects());
      return null;
    });
  }

  static void writeTelemetry(Connection c, List<TelemetryReading> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    CopyText copy = new CopyText(rows.size());
    for (TelemetryReading r : rows) {
      envelope(copy, r.envelope()).number(r.lat()).number(r.lon()).number(r.acc()).text(r.src()).number(r.hr())
          .number(r.spo2()).number(r.bat()).number(r.steps()).bool(r.motion()).number(r.temp()).bool(r.worn())
          .endRow();
    }
    stageAndMove(c, GatewaySql.CREATE_TELEMETRY_STAGE, GatewaySql.COPY_TELEMETRY_STAGE, copy,
        GatewaySql.MOVE_TELEMETRY);
  }

  private static void writeEvents(Connection c, List<DeviceEvent> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    CopyText copy = new CopyText(rows.size());
    for (DeviceEvent e : rows) {
      envelope(copy, e.envelope()).text(e.channel().segment()).text(e.type()).text(e.sensor()).number(e.lat())
          .number(e.lon()).number(e.acc()).text(e.payload()).endRow();
    }
    stageAndMove(c, GatewaySql.CREATE_EVENT_STAGE, GatewaySql.COPY_EVENT_STAGE, copy, GatewaySql.MOVE_EVENTS);
  }

  static CopyText envelope(CopyText copy, Envelope e) {
    return copy.text(e.deviceId()).text(e.boot()).number(e.seq()).time(e.ts()).time(e.receivedAt())
        .bool(e.clockSkewed());
  }

  /** COPY into a session's staging table, then one statement moves what is new; returns the rows moved. */
  static int stageAndMove(Connection c, String createStage, String copySql, CopyText rows, String move)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(createStage);
      copy(c, copySql, rows);
      return st.executeUpdate(move);
    }
  }

  static long copy(Connection c, String copySql, CopyText rows) throws SQLException {
    CopyManager copier = c.unwrap(PGConnection.class).getCopyAPI();
    try {
      return copier.copyIn(copySql, new ByteArrayInputStream(rows.bytes()));
    } catch (IOException e) {
      throw new SQLException("COPY could not read its own buffer", e);
    }
  }

  private void writeRejects(Connection c, List<RejectedMessage> rejects) throws SQLException {
    if (rejects.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement(GatewaySql.INSERT_REJECT)) {
      for (RejectedMessage r : rejects) {
        insert.setObject(1, Instant.ofEpochMilli(r.receivedAt()).atOffset(ZoneOffset.UTC));
        insert.setString(2, r.topic());
        insert.setString(3, r.deviceId());
        insert.setString(4, r.reason());
        insert.setString(5, r.detail());
        insert.setBytes(6, r.payload());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement trim = c.prepareStatement(GatewaySql.TRIM_REJECTS)) {
      trim.setLong(1, rejectCap);
      trim.executeUpdate();
    }
  }
}
