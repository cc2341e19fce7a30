package org.anxin.dispatcher.escalation;

import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.dispatch.AlarmView;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps an alarm row ({@link EscalationSql#ALARM_COLUMNS}) to the {@link AlarmView} the bus carries. */
final class AlarmRows {

  private AlarmRows() {
  }

  static AlarmView view(ResultSet rs) throws SQLException {
    return new AlarmView(rs.getLong("id"), Jdbc.nullableLong(rs, "elder_id"), Jdbc.nullableLong(rs, "household_id"),
        Jdbc.nullableLong(rs, "village_id"), Jdbc.nullableLong(rs, "township_id"), rs.getString("type"),
        rs.getInt("priority"), rs.getString("state"), Jdbc.instant(rs, "opened_at"),
        Jdbc.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), Jdbc.instant(rs, "on_site_at"),
        Jdbc.instant(rs, "closed_at"), rs.getString("closed_by"), rs.getString("close_note"),
        rs.getInt("escalation_step"), Jdbc.instant(rs, "next_escalation_at"), rs.getBoolean("supervisor_flag"));
  }
}
