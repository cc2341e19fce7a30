package org.anxin.infra.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;

@DisplayName("telemetry_hourly on plain PostgreSQL")
class TelemetryHourlyTest {

  @RegisterExtension
  static final MigratedDatabase db = new MigratedDatabase();

  @Test
  @DisplayName("answers the per-device hourly query with counts, heart-rate range, battery, steps and motion")
  void answersHourlyQuery() throws SQLException {
    HourlyQuery.assertAnswers(db.dataSource(), "wb-hourly");
  }
}
