package org.anxin.dispatcher.orders;

import org.anxin.infra.db.Jdbc;
import org.anxin.infra.bus.orders.OrderView;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps a service order row ({@link OrderSql#COLUMNS}) to the {@link OrderView} the bus carries. */
final class OrderRows {

  private OrderRows() {
  }

  static OrderView view(ResultSet rs) throws SQLException {
    return new OrderView(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("type"), rs.getString("state"),
        rs.getString("source"), Jdbc.instant(rs, "slot_start"), Jdbc.instant(rs, "slot_end"),
        Jdbc.nullableLong(rs, "provider_id"), Jdbc.nullableLong(rs, "call_id"), Jdbc.nullableLong(rs, "alarm_id"),
        rs.getString("created_by"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "assigned_at"),
        Jdbc.instant(rs, "accepted_at"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "done_at"),
        Jdbc.instant(rs, "reviewed_at"), Jdbc.instant(rs, "cancelled_at"), Jdbc.nullableInt(rs, "rating"),
        rs.getString("review_comment"), rs.getString("notes"), rs.getBoolean("sla_flag"),
        Jdbc.nullableBool(rs, "visit_verified"));
  }
}
