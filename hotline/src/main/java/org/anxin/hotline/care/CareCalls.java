package org.anxin.hotline.care;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.ami.Originations;
import org.anxin.infra.bus.hotline.OriginateRequest;
import org.anxin.infra.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Proactive care calls (主动关怀): the elders living alone most at risk are called; the {@code care} script asks how
 * they are and writes the outcome to {@code care_calls}, the elder's care record. A call nobody answers is recorded
 * as such.
 */
public final class CareCalls {

  /** One elder chosen for a care call and why. */
  record Candidate(long elderId, String number, int score, JsonObject reasons) {
  }

  private final Database database;
  private final Originations originations;

  public CareCalls(Database database, Originations originations) {
    this.database = database;
    this.originations = originations;
  }

  /** Calls the {@code limit} elders most at risk, all at once; answers who was called and whether they answered. */
  public Future<JsonArray> round(int limit) {
    return ranked(limit).compose(candidates -> Future.all(candidates.stream().map(this::call).toList())
        .map(all -> new JsonArray(all.list())));
  }

  Future<List<Candidate>> ranked(int limit) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(CareSql.RANKED)) {
        ps.setInt(1, limit);
        List<Candidate> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Timestamp last = rs.getTimestamp(3);
            out.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getInt(6), new JsonObject()
                .put("lastActivity", last == null ? null : last.toInstant().toString())
                .put("missedVisits", rs.getInt(4)).put("openAlarms", rs.getInt(5))));
          }
        }
        return out;
      }
    });
  }

  private Future<JsonObject> call(Candidate candidate) {
    String key = "care:" + candidate.elderId() + ":" + LocalDate.now();
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(CareSql.PLACE)) {
        ps.setLong(1, candidate.elderId());
        ps.setString(2, key);
        ps.setInt(3, candidate.score());
        ps.setString(4, candidate.reasons().encode());
        return ps.executeUpdate();
      }
    }).compose(v -> originations.originate(new OriginateRequest(key, candidate.number(), "CARE", null,
            candidate.elderId(), "主动关怀"), "care"))
        .compose(reply -> reply.answered() ? Future.succeededFuture(reply)
            : outcome(database, key, "NOT_ANSWERED").map(reply))
        .map(reply -> new JsonObject().put("elderId", candidate.elderId()).put("score", candidate.score())
            .put("reasons", candidate.reasons()).put("answered", reply.answered()).put("callId", reply.callId()));
  }

  /** Writes a care call's outcome once (the first outcome stands). */
  static Future<Integer> outcome(Database database, String key, String outcome) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(CareSql.OUTCOME)) {
        ps.setString(1, outcome);
        ps.setString(2, key);
        return ps.executeUpdate();
      }
    });
  }
}
