package org.anxin.console.sql;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The steps of an escalation policy (the dispatcher's tables, read by it at every step, so a change applies to the
 * next step of every open alarm): read with their targets, and replaced as a whole.
 */
public final class EscalationSql {

  private static final String STEPS = """
      SELECT s.step_no, s.wait_s,
             coalesce(json_agg(json_build_object('recipient', t.recipient, 'channels', t.channels,
               'onShiftOnly', t.on_shift_only) ORDER BY t.recipient) FILTER (WHERE t.recipient IS NOT NULL), '[]')
               AS targets
      FROM escalation_steps s
        LEFT JOIN escalation_targets t ON t.policy_id = s.policy_id AND t.step_no = s.step_no
      WHERE s.policy_id = ?
      GROUP BY s.step_no, s.wait_s ORDER BY s.step_no""";

  private static final String INSERT_STEP = "INSERT INTO escalation_steps (policy_id, step_no, wait_s) "
      + "VALUES (?, ?, ?)";
  private static final String INSERT_TARGET = "INSERT INTO escalation_targets (policy_id, step_no, recipient, "
      + "channels, on_shift_only) VALUES (?, ?, ?, ?, ?)";

  private EscalationSql() {
  }

  public static List<JsonObject> steps(Connection c, long policyId) throws SQLException {
    return Rows.query(c, STEPS, policyId);
  }

  /**
   * Replaces the policy's steps: {@code [{"waitS", "targets": [{"recipient", "channels": [...], "onShiftOnly"}]}]},
   * numbered in order from 1. False when there is no such policy.
   */
  public static boolean replaceSteps(Connection c, long policyId, JsonArray steps) throws SQLException {
    if (Rows.first(c, "SELECT id FROM escalation_policies WHERE id = ? FOR UPDATE", policyId) == null) {
      return false;
    }
    try (PreparedStatement st = Jdbc.prepare(c, "DELETE FROM escalation_steps WHERE policy_id = ?", policyId)) {
      st.executeUpdate();
    }
    for (int i = 0; i < steps.size(); i++) {
      JsonObject step = steps.getJsonObject(i);
      try (PreparedStatement st = Jdbc.prepare(c, INSERT_STEP, policyId, i + 1, step.getInteger("waitS"))) {
        st.executeUpdate();
      }
      for (Object o : step.getJsonArray("targets", new JsonArray())) {
        JsonObject t = (JsonObject) o;
        String[] channels = t.getJsonArray("channels", new JsonArray()).stream().map(String::valueOf)
            .toArray(String[]::new);
        try (PreparedStatement st = Jdbc.prepare(c, INSERT_TARGET, policyId, i + 1, t.getString("recipient"),
            channels, t.getBoolean("onShiftOnly", false))) {
          st.executeUpdate();
        }
      }
    }
    return true;
  }
}
