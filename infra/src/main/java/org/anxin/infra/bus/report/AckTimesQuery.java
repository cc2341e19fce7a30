package org.anxin.infra.bus.report;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.bus.Json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A {@code report.ack-times} request: acknowledgement times of the alarms opened on local days {@code from} to
 * {@code to} inclusive (ANXIN_TIMEZONE), optionally of one township and up to a priority. Answered with an
 * {@link AckTimesReport}; 400 when a date is malformed or {@code to} is before {@code from}.
 */
public record AckTimesQuery(LocalDate from, LocalDate to, Long townshipId, Integer maxPriority) {

  public AckTimesQuery {
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("'from' and 'to' are required dates (yyyy-mm-dd), 'to' not before 'from'");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("townshipId", townshipId)
        .put("maxPriority", maxPriority);
  }

  public static AckTimesQuery fromJson(JsonObject j) {
    try {
      return new AckTimesQuery(LocalDate.parse(Json.required(j, "from")), LocalDate.parse(Json.required(j, "to")),
          j.getLong("townshipId"), j.getInteger("maxPriority"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'from' and 'to' must be dates (yyyy-mm-dd): " + e.getParsedString());
    }
  }
}
