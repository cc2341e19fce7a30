package org.anxin.dispatcher.escalation;

/**
 * Who a target kind names, for one alarm. Every statement returns {@code ref, name, user_id, phone}; the
 * {@code on_shift} predicate takes the time twice.
 */
final class RecipientSql {

  private static final String ON_SHIFT = "EXISTS (SELECT 1 FROM shifts s WHERE s.carer_id = c.id "
      + "AND s.starts_at <= ? AND s.ends_at > ?)";

  /** The elder's PRIMARY carers, always only those on shift now. Parameters: elder ids, now, now. */
  static final String PRIMARY_CARERS = "SELECT DISTINCT 'carer:' || c.id AS ref, c.name, c.user_id, c.phone "
      + "FROM carers c JOIN carer_elders ce ON ce.carer_id = c.id "
      + "WHERE ce.role = 'PRIMARY' AND ce.elder_id = ANY(?) AND " + ON_SHIFT;

  /**
   * The elder's BACKUP carers and the other carers of the village (the township when the alarm has no village),
   * never its PRIMARY carers. Parameters: elder ids, village, village, township, elder ids, all (bool), now, now.
   */
  static final String BACKUP_CARERS = "SELECT DISTINCT 'carer:' || c.id AS ref, c.name, c.user_id, c.phone "
      + "FROM carers c WHERE (c.id IN (SELECT carer_id FROM carer_elders WHERE role = 'BACKUP' AND elder_id = ANY(?)) "
      + "OR c.village_id = CAST(? AS bigint) OR (CAST(? AS bigint) IS NULL AND c.township_id = CAST(? AS bigint))) "
      + "AND c.id NOT IN (SELECT carer_id FROM carer_elders WHERE role = 'PRIMARY' AND elder_id = ANY(?)) "
      + "AND (? OR " + ON_SHIFT + ")";

  /** Volunteers of the village or its township. Parameters: village, township. */
  static final String VOLUNTEERS = "SELECT 'volunteer:' || v.id AS ref, v.name, CAST(NULL AS bigint) AS user_id, "
      + "v.phone FROM volunteers v WHERE v.village_id = CAST(? AS bigint) OR v.township_id = CAST(? AS bigint)";

  /** Family users linked to the elders. Parameter: elder ids. */
  static final String FAMILY = "SELECT DISTINCT 'user:' || u.id AS ref, COALESCE(u.display_name, u.username) AS name, "
      + "u.id AS user_id, u.phone FROM users u JOIN user_elders ue ON ue.user_id = u.id "
      + "WHERE ue.elder_id = ANY(?) AND u.role = 'family' AND NOT u.disabled";

  /** Users of one role: the operator queue, the duty supervisors. Parameter: role. */
  static final String ROLE = "SELECT 'user:' || u.id AS ref, COALESCE(u.display_name, u.username) AS name, "
      + "u.id AS user_id, u.phone FROM users u WHERE u.role = ? AND NOT u.disabled";

  /**
   * The enabled user who acknowledged an alarm ({@code alarms.acknowledged_by} is a username), with their carer's
   * phone when they are a carer, else their own. Parameter: username.
   */
  static final String ACKNOWLEDGER = "SELECT 'user:' || u.id AS ref, COALESCE(u.display_name, u.username) AS name, "
      + "u.id AS user_id, COALESCE(c.phone, u.phone) AS phone FROM users u LEFT JOIN carers c ON c.user_id = u.id "
      + "WHERE u.username = ? AND NOT u.disabled ORDER BY c.id LIMIT 1";

  /** The elders themselves, on their phone or the household's landline. Parameter: elder ids. */
  static final String ELDER = "SELECT 'elder:' || e.id AS ref, e.name, CAST(NULL AS bigint) AS user_id, "
      + "COALESCE(e.phone, h.landline) AS phone FROM elders e JOIN households h ON h.id = e.household_id "
      + "WHERE e.id = ANY(?)";

  private RecipientSql() {
  }
}
