package org.anxin.gateway.store;

import io.vertx.core.Future;
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
 * Stores one batch in one transaction on a worker thread: idempotent multi-row inserts into {@code telemetry} and
 * {@code device_events} ({@link RowInserts}: the fastest idempotent path measured, see docs/benchmarks.md), rejects
 * inserted and the rejects table trimmed to its cap.
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
      RowInserts.telemetry(c, batch.telemetry());
      RowInserts.events(c, batch.events());
      writeRejects(c, batch.rejects());
      return null;
    });
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
