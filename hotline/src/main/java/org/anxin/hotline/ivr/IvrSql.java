package org.anxin.hotline.ivr;

/** The SQL that tells who is calling. Numbers are compared as {@link CallerId#normalized} forms. */
final class IvrSql {

  /** The SQL twin of {@link CallerId#normalized}, applied to the stored column named {@code %s}. */
  static final String NORMALIZED =
      "regexp_replace(regexp_replace(%s, '\\D', '', 'g'), '^(00)?86(?=\\d{11}$)', '')";

  /** Every way the number matches, best first: kind, elder id, name, household, village, township. */
  static final String MATCH = """
      SELECT m.kind, e.id, e.name, e.household_id, h.village_id, v.township_id
        FROM (SELECT 'ELDER' AS kind, e.id AS elder_id, 1 AS rank FROM elders e WHERE %1$s = ?
              UNION ALL
              SELECT 'LANDLINE', e.id, 2
                FROM elders e JOIN households h ON h.id = e.household_id WHERE %2$s = ?
              UNION ALL
              SELECT 'FAMILY', ue.elder_id, 3
                FROM users u JOIN user_elders ue ON ue.user_id = u.id
               WHERE u.role = 'family' AND NOT u.disabled AND %3$s = ?
              UNION ALL
              SELECT 'CARER', ce.elder_id, 4
                FROM carers c JOIN carer_elders ce ON ce.carer_id = c.id WHERE %4$s = ?) m
        JOIN elders e ON e.id = m.elder_id
        JOIN households h ON h.id = e.household_id
        LEFT JOIN villages v ON v.id = h.village_id
       ORDER BY m.rank, e.id"""
      .formatted(NORMALIZED.formatted("e.phone"), NORMALIZED.formatted("h.landline"),
          NORMALIZED.formatted("u.phone"), NORMALIZED.formatted("c.phone"));

  private IvrSql() {
  }
}
