package org.anxin.server.demo;

/** Every statement the demo seeding runs; all parameterised. */
final class DemoSql {

  private DemoSql() {
  }

  /** Two demo starts at once (two nodes on one database) must not both seed: the second waits, then finds it. */
  static final String LOCK = "SELECT pg_advisory_xact_lock(12349)";
  static final String TOWNSHIP_EXISTS = "SELECT 1 FROM townships WHERE name = ?";

  static final String TOWNSHIP = "INSERT INTO townships (name) VALUES (?) RETURNING id";
  static final String VILLAGE = "INSERT INTO villages (township_id, name) VALUES (?, ?) RETURNING id";
  static final String HOUSEHOLD = "INSERT INTO households (address, home_lat, home_lon, village_id, landline) "
      + "VALUES (?, ?, ?, ?, ?) RETURNING id";
  static final String ELDER = "INSERT INTO elders (household_id, name, gender, birth_date, phone, categories, "
      + "care_mode, party_member_since, party_branch, party_record, notes) "
      + "VALUES (?, ?, ?, ?, ?, ?, 'HOME', ?, ?, ?::jsonb, ?) RETURNING id";
  static final String SAFE_ZONE = "INSERT INTO safe_zones (elder_id, name, kind, center_lat, center_lon, radius_m) "
      + "VALUES (?, '家周边', 'CIRCLE', ?, ?, ?)";

  static final String CARER = "INSERT INTO carers (name, phone, village_id, township_id) VALUES (?, ?, ?, ?) "
      + "RETURNING id";
  static final String CARER_ELDER = "INSERT INTO carer_elders (carer_id, elder_id, role) VALUES (?, ?, ?)";
  static final String SHIFT = "INSERT INTO shifts (carer_id, starts_at, ends_at) VALUES (?, ?, ?)";
  static final String VOLUNTEER = "INSERT INTO volunteers (name, phone, township_id, skills) VALUES (?, ?, ?, ?)";

  static final String PROVIDER = "INSERT INTO providers (name, phone, service_types, daily_capacity) "
      + "VALUES (?, ?, ?, ?) RETURNING id";
  static final String PROVIDER_AREA = "INSERT INTO provider_areas (provider_id, township_id) VALUES (?, ?)";

  static final String USER = "INSERT INTO users (username, password_hash, role, display_name, phone, carer_id) "
      + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
  static final String CARER_USER = "UPDATE carers SET user_id = ? WHERE id = ?";
  static final String USER_ELDER = "INSERT INTO user_elders (user_id, elder_id, relation) VALUES (?, ?, ?)";
}
