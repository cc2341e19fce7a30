package org.anxin.dispatcher.escalation;

import org.anxin.dispatcher.notify.ChannelKind;
import org.anxin.infra.db.Jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the escalation policy for an alarm's priority and type from the database, where policies are data; read
 * at every step (one statement), so a change applies to the next step of every open alarm.
 */
final class Policies {

  private record Row(long policyId, int repeatS, int stepNo, int waitS, Policy.Target target) {
  }

  private Policies() {
  }

  static Policy load(Connection c, int priority, String type) throws SQLException {
    List<Row> rows = Jdbc.list(c, EscalationSql.POLICY, Policies::row, priority, type);
    if (rows.isEmpty()) {
      throw new IllegalStateException("no escalation policy for priority " + priority);
    }
    Map<Integer, Integer> waits = new LinkedHashMap<>();
    Map<Integer, List<Policy.Target>> targets = new LinkedHashMap<>();
    for (Row r : rows) {
      waits.put(r.stepNo(), r.waitS());
      List<Policy.Target> ofStep = targets.computeIfAbsent(r.stepNo(), k -> new ArrayList<>());
      if (r.target() != null) {
        ofStep.add(r.target());
      }
    }
    List<Policy.Step> steps = waits.entrySet().stream()
        .map(e -> new Policy.Step(e.getKey(), e.getValue(), targets.get(e.getKey()))).toList();
    return new Policy(rows.get(0).policyId(), rows.get(0).repeatS(), steps);
  }

  private static Row row(ResultSet rs) throws SQLException {
    String recipient = rs.getString("recipient");
    Policy.Target target = recipient == null ? null : new Policy.Target(RecipientKind.valueOf(recipient),
        channels(rs.getArray("channels")), rs.getBoolean("on_shift_only"));
    return new Row(rs.getLong("id"), rs.getInt("repeat_interval_s"), rs.getInt("step_no"), rs.getInt("wait_s"),
        target);
  }

  private static List<ChannelKind> channels(Array array) throws SQLException {
    return Arrays.stream((String[]) array.getArray()).map(ChannelKind::valueOf).toList();
  }
}
