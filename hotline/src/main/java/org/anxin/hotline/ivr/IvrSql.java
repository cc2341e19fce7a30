package org.anxin.hotline.ivr;

/** The SQL that tells who is calling. Numbers are compared as {@link CallerId#normalized} forms. */
final class IvrSql {

  /** The SQL twin of {@link CallerId#normalized}, applied to the stored column named {@code %s}. */
  static final String NORMALIZED =
      "regexp_replace(regexp_replace(%s, '\\D', '', 'g'), '^(00)?86(?=\\d{11}$)', '')";

  /** Every way the number matches, best first: kind, elder id, name, household. */
  static final String MATCH = """
      SELECT 'ELDER' AS kind, e.id, e.name, e.household_id, 1 AS rank
        FROM elders e WHERE %1$s = ?
      UNION ALL
      SELECT 'LANDLINE', e.id, e.name, e.household_id, 2
        FROM elders e JOIN households h ON h.id = e.household_id WHERE %2$s = ?
      UNION ALL
      SELECT 'FAMILY', e.id, e.name, e.household_id, 3
        FROM users u JOIN user_elders ue ON ue.user_id = u.id JOIN elders e ON e.id = ue.elder_id
       WHERE u.role = 'family' AND NOT u.disabled AND %3$s = ?
      UNION ALL
      SELECT 'CARER', e.id, e.name, e.household_id, 4
        FROM carers c JOIN carer_elders ce ON ce.carer_id = c.id JOIN elders e ON e.id = ce.elder_id
       WHERE %4$s = ?
      ORDER BY rank, id"""
      .formatted(NORMALIZED.formatted("e.phone"), NORMALIZED.formatted("h.landline"),
          NORMALIZED.formatted("u.phone"), NORMALIZED.formatted("c.phone"));

  private IvrSql() {
  }
}
