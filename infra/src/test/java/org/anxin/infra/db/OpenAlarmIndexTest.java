package org.anxin.infra.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("One open alarm per elder and type")
class OpenAlarmIndexTest {

  @RegisterExtension
  static final MigratedDatabase db = new MigratedDatabase();

  @Test
  @DisplayName("rejects a second OPEN alarm of the same type for an elder, allows another type")
  void secondOpenAlarmRejected() throws SQLException {
    // GIVEN an elder with an open FALL alarm
    long elder = newElder();
    newAlarm(elder, "FALL");
    // WHEN a second FALL is raised THEN the partial unique index refuses it
    MigratedDatabase.assertViolates("23505", () -> newAlarm(elder, "FALL"));
    // AND an SOS for the same elder is a separate alarm
    newAlarm(elder, "SOS");
  }

  @Test
  @DisplayName("still counts an acknowledged alarm as open")
  void acknowledgedStillOpen() throws SQLException {
    long elder = newElder();
    long alarm = newAlarm(elder, "FALL");
    db.update("UPDATE alarms SET state = 'ACKNOWLEDGED', acknowledged_at = now() WHERE id = ?", alarm);
    MigratedDatabase.assertViolates("23505", () -> newAlarm(elder, "FALL"));
  }

  @Test
  @DisplayName("allows a new alarm of the same type once the first is RESOLVED")
  void newAlarmAfterResolved() throws SQLException {
    // GIVEN an elder whose FALL alarm was resolved
    long elder = newElder();
    long first = newAlarm(elder, "FALL");
    db.update("UPDATE alarms SET state = 'RESOLVED', closed_at = now(), closed_by = 'op1' WHERE id = ?", first);
    // WHEN the elder falls again THEN a new alarm is raised
    newAlarm(elder, "FALL");
    assertEquals(2, db.single("SELECT count(*) FROM alarms WHERE elder_id = ?", elder));
  }

  @Test
  @DisplayName("adds a repeat as an occurrence through ON CONFLICT on the same predicate")
  void repeatBecomesOccurrence() throws SQLException {
    // GIVEN an open SOS
    long elder = newElder();
    newAlarm(elder, "SOS");
    // WHEN the raising code upserts another SOS against the index predicate
    db.update("INSERT INTO alarms (elder_id, type, priority) VALUES (?, 'SOS', 1) "
        + "ON CONFLICT (elder_id, type) WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'ON_SITE') AND elder_id IS NOT NULL "
        + "DO UPDATE SET occurrences = alarms.occurrences + 1, last_occurrence_at = now()", elder);
    // THEN there is still one alarm, with two occurrences
    assertEquals(2, db.single("SELECT occurrences FROM alarms WHERE elder_id = ? AND type = 'SOS'", elder));
  }

  @Test
  @DisplayName("refuses a closed state without a closing time")
  void closedNeedsClosedAt() throws SQLException {
    long alarm = newAlarm(newElder(), "GAS");
    MigratedDatabase.assertViolates("23514", () -> db.update("UPDATE alarms SET state = 'FALSE_ALARM' WHERE id = ?",
        alarm));
  }

  private static long newElder() throws SQLException {
    long household = db.update("INSERT INTO households (address) VALUES ('1 Test Lane') RETURNING id");
    return db.update("INSERT INTO elders (household_id, name, categories) VALUES (?, 'Wang Fang', "
        + "'{DEMENTIA,LIVING_ALONE}') RETURNING id", household);
  }

  private static long newAlarm(long elder, String type) throws SQLException {
    return db.update("INSERT INTO alarms (elder_id, type, priority) VALUES (?, ?, 1) RETURNING id", elder, type);
  }
}
