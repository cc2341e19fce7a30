package org.anxin.dispatcher.report;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.report.AckTimesQuery;
import org.anxin.infra.bus.report.AckTimesReport;
import org.anxin.infra.bus.report.ReportBus;
import org.anxin.infra.db.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

/** Answers {@code report.ack-times}: the share of alarms acknowledged within 60 s and 180 s, per day and township. */
public class ReportVerticle extends VerticleBase {

  private final Database database;
  private final ZoneId zone;

  public ReportVerticle(Database database, ZoneId zone) {
    this.database = database;
    this.zone = zone;
  }

  @Override
  public Future<?> start() {
    return new ReportBus(vertx.eventBus()).serveAckTimes(this::ackTimes).completion();
  }

  private Future<AckTimesReport> ackTimes(AckTimesQuery q) {
    return database.withConnection(c -> new AckTimesReport(Jdbc.list(c, ReportSql.ACK_TIMES, ReportVerticle::row,
        zone.getId(), q.from(), q.to(), q.townshipId(), q.maxPriority())));
  }

  private static AckTimesReport.Row row(ResultSet rs) throws SQLException {
    long alarms = rs.getLong("alarms");
    long in60 = rs.getLong("within60");
    long in180 = rs.getLong("within180");
    return new AckTimesReport.Row(rs.getObject("day", LocalDate.class), Jdbc.nullableLong(rs, "township_id"),
        rs.getString("township"), alarms, in60, in180, alarms == 0 ? null : (double) in60 / alarms,
        alarms == 0 ? null : (double) in180 / alarms);
  }
}
