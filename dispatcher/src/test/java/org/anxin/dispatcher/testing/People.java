package org.anxin.dispatcher.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Places and people for the dispatcher tests: an elder at home in a village, carers with or without a shift. */
public final class People {

  /** An elder, the household, the village and township. */
  public record Home(long elderId, long householdId, long villageId, long townshipId) {
  }

  private final DispatcherDb db;

  public People(DispatcherDb db) {
    this.db = db;
  }

  public Home newHome() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long township = db.insert("INSERT INTO townships (name) VALUES (?) RETURNING id", "T-" + tag);
    long village = db.insert("INSERT INTO villages (township_id, name) VALUES (?, ?) RETURNING id", township, "V");
    long household = db.insert("INSERT INTO households (address, village_id, home_lat, home_lon, landline) "
        + "VALUES ('1 Willow Lane', ?, 31.2000, 121.4000, '0571-1000') RETURNING id", village);
    long elder = db.insert("INSERT INTO elders (household_id, name, phone) VALUES (?, 'Li Hua', '+8613900000001') "
        + "RETURNING id", household);
    return new Home(elder, household, village, township);
  }

  /** A carer of the elder with a login; on shift now or not. Answers the carer's user id. */
  public long newCarer(Home home, String role, boolean onShift) {
    String name = "carer-" + UUID.randomUUID().toString().substring(0, 8);
    long user = newUser(name, "carer");
    long carer = db.insert("INSERT INTO carers (name, phone, village_id, township_id, user_id) "
        + "VALUES (?, '+8613800000000', ?, ?, ?) RETURNING id", name, home.villageId(), home.townshipId(), user);
    db.execute("UPDATE users SET carer_id = ? WHERE id = ?", carer, user);
    db.execute("INSERT INTO carer_elders (carer_id, elder_id, role) VALUES (?, ?, ?)", carer, home.elderId(), role);
    Instant now = Instant.now();
    Instant start = onShift ? now.minus(Duration.ofHours(2)) : now.plus(Duration.ofHours(2));
    db.execute("INSERT INTO shifts (carer_id, starts_at, ends_at) VALUES (?, ?::timestamptz, ?::timestamptz)",
        carer, start.toString(), start.plus(Duration.ofHours(8)).toString());
    return user;
  }

  /** A family member linked to the elder; answers the user id. */
  public long newFamily(Home home) {
    long user = newUser("family-" + UUID.randomUUID().toString().substring(0, 8), "family");
    db.execute("INSERT INTO user_elders (user_id, elder_id, relation) VALUES (?, ?, 'daughter')", user,
        home.elderId());
    return user;
  }

  public long newUser(String username, String role) {
    return db.insert("INSERT INTO users (username, password_hash, role, display_name, phone) "
        + "VALUES (?, 'x', ?, ?, '+8613700000000') RETURNING id", username, role, username);
  }

  /** A provider of one service serving the township, with a daily capacity; answers its id. */
  public long newProvider(long townshipId, String type, int dailyCapacity) {
    long provider = db.insert("INSERT INTO providers (name, phone, service_types, daily_capacity) "
        + "VALUES (?, '+8657100000', ARRAY[?], ?) RETURNING id",
        type + "-" + UUID.randomUUID().toString().substring(0, 6), type, dailyCapacity);
    db.execute("INSERT INTO provider_areas (provider_id, township_id) VALUES (?, ?)", provider, townshipId);
    return provider;
  }

  public long newVolunteer(Home home) {
    return db.insert("INSERT INTO volunteers (name, phone, township_id, village_id) VALUES ('Wang', '+8613600000000', "
        + "?, ?) RETURNING id", home.townshipId(), home.villageId());
  }
}
