package org.anxin.infra.bus.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to {@code report.ack-times}: one row per local day and township (township null: alarms with no
 * area), with the share acknowledged within 60 s and within 180 s (targets 97.5 % and 99 %). An alarm counts as
 * acknowledged at its first ACKNOWLEDGED, ON_SITE or closing by a person; one never acknowledged counts against.
 */
public record AckTimesReport(List<Row> rows) {

  /** One day and township. Shares are 0..1; null when there were no alarms. */
  public record Row(LocalDate day, Long townshipId, String township, long alarms, long within60, long within180,
                    Double share60, Double share180) {

    JsonObject toJson() {
      return new JsonObject().put("day", day.toString()).put("townshipId", townshipId).put("township", township)
          .put("alarms", alarms).put("within60", within60).put("within180", within180).put("share60", share60)
          .put("share180", share180);
    }

    static Row fromJson(JsonObject j) {
      return new Row(LocalDate.parse(j.getString("day")), j.getLong("townshipId"), j.getString("township"),
          j.getLong("alarms"), j.getLong("within60"), j.getLong("within180"), j.getDouble("share60"),
          j.getDouble("share180"));
    }
  }

  public AckTimesReport {
    rows = List.copyOf(rows);
  }

  public JsonObject toJson() {
    return new JsonObject().put("rows", new JsonArray(rows.stream().map(Row::toJson).map(Object.class::cast).toList()));
  }

  public static AckTimesReport fromJson(JsonObject j) {
    return new AckTimesReport(j.getJsonArray("rows").stream().map(o -> Row.fromJson((JsonObject) o)).toList());
  }
}
