package org.anxin.dispatcher.escalation;

import org.anxin.dispatcher.notify.ChannelKind;
import org.anxin.dispatcher.sql.Jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the escalation policy for an alarm's priority and type from the database, where policies are data. */
final class Policies {

  private Policies() {
  }

  static Policy load(Connection c, int priority, String type) throws SQLException {
    long[] head = Jdbc.one(c, EscalationSql.POLICY, rs -> new long[] {rs.getLong(1), rs.getInt(2)}, priority, type)
        .orElseThrow(() -> new IllegalStateException("no escalation policy for priority " + priority));
    Map<Integer, List<Policy.Target>> targets = new TreeMap<>();
    for (Object[] t : Jdbc.list(c, EscalationSql.TARGETS, rs -> new Object[] {rs.getInt(1),
        new Policy.Target(RecipientKind.valueOf(rs.getString(2)), channels(rs.getArray(3)), rs.getBoolean(4))},
        head[0])) {
      targets.computeIfAbsent((Integer) t[0], k -> new ArrayList<>()).add((Policy.Target) t[1]);
    }
    List<Policy.Step> steps = Jdbc.list(c, EscalationSql.STEPS, rs -> new Policy.Step(rs.getInt(1), rs.getInt(2),
        targets.getOrDefault(rs.getInt(1), List.of())), head[0]);
    return new Policy(head[0], (int) head[1], steps);
  }

  private static List<ChannelKind> channels(Array array) throws SQLException {
    return Arrays.stream((String[]) array.getArray()).map(ChannelKind::valueOf).toList();
  }
}
