package org.anxin.hotline.ami;

/** The SQL behind AMI actions: operators' extensions and the calls the hotline places. */
final class AmiSql {

  static final String SET_EXTENSION = """
      INSERT INTO hotline_agents (user_id, extension, interface) VALUES (?, ?, ?)
      ON CONFLICT (user_id) DO UPDATE SET extension = EXCLUDED.extension, interface = EXCLUDED.interface,
        updated_at = now()""";

  static final String INTERFACE = """
      SELECT interface FROM hotline_agents WHERE user_id = ?""";

  static final String CLAIM = """
      INSERT INTO hotline_originations (key, purpose, number, alarm_id, elder_id) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (key) DO NOTHING""";

  static final String PLACED = """
      SELECT answered, call_id, detail FROM hotline_originations WHERE key = ?""";

  static final String OUTCOME = """
      UPDATE hotline_originations SET answered = ?, call_id = ?, detail = ?, ended_at = now() WHERE key = ?""";

  static final String OUTBOUND_CALL = """
      UPDATE calls SET direction = 'OUTBOUND', elder_id = coalesce(?, elder_id), agent = coalesce(?, agent),
        intent = ?, answered_at = coalesce(answered_at, now()) WHERE id = ?""";

  static final String ELDER_PHONE = """
      SELECT coalesce(e.phone, h.landline) FROM elders e JOIN households h ON h.id = e.household_id WHERE e.id = ?""";

  private AmiSql() {
  }
}
