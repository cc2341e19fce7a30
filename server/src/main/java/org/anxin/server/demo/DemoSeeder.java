package org.anxin.server.demo;

import org.anxin.infra.security.PasswordHasher;
import org.anxin.infra.devices.DeviceType;
import org.anxin.infra.devices.NewDevice;
import org.anxin.server.demo.DemoCounty.Elder;
import org.anxin.server.demo.DemoCounty.Household;
import org.anxin.server.demo.DemoCounty.Provider;
import org.anxin.server.demo.DemoCounty.Township;
import org.anxin.server.demo.DemoCounty.Village;
import org.anxin.server.demo.DemoCounty.Volunteer;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the demo county in one transaction, once: a second run finds it and writes nothing. Passwords are made
 * here, stored only hashed, and handed back for the credentials file; devices are only planned here.
 */
final class DemoSeeder {

  /** A person's login, with the elders a family member may see. */
  private record Account(String username, String role, String displayName, String phone, Long carerId,
                         List<Long> elderIds) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Letters and digits that cannot be mistaken for one another when read off a screen. */
  private static final String PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final Connection c;
  private final ZoneId zone;
  private final Map<String, Long> townshipIds = new HashMap<>();
  private final List<PlannedDevice> devices = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private final List<Long> carerIds = new ArrayList<>();
  private final List<List<Long>> households = new ArrayList<>();

  private DemoSeeder(Connection c, ZoneId zone) {
    this.c = c;
    this.zone = zone;
  }

  /** What a first seeding made: the devices still to register, and the people's logins. */
  record Seeded(List<PlannedDevice> devices, List<DemoCredentials.User> users) {
  }

  /** A device for the registry, with the elder it serves (a home terminal's is its household's Party member). */
  record PlannedDevice(NewDevice device, long elderId) {
  }

  /**
   * Seeds the county unless it is there, all but the devices, which go through the {@code DeviceRegistry} after
   * this transaction; what was created, or empty when nothing was.
   */
  static Optional<Seeded> seed(Connection c, DemoCounty county, ZoneId zone) throws SQLException {
    DemoSeeder seeder = new DemoSeeder(c, zone);
    seeder.execute(DemoSql.LOCK);
    if (seeder.exists(DemoSql.TOWNSHIP_EXISTS, DemoCounty.FIRST_TOWNSHIP)) {
      return Optional.empty();
    }
    for (Township township : county.townships()) {
      seeder.township(township);
    }
    for (Provider provider : county.providers()) {
      seeder.provider(provider);
    }
    for (Volunteer volunteer : county.volunteers()) {
      seeder.execute(DemoSql.VOLUNTEER, volunteer.name(), volunteer.phone(), seeder.townshipIds.get(volunteer.township()),
          seeder.textArray(volunteer.skills()));
    }
    return Optional.of(new Seeded(seeder.devices, seeder.users()));
  }

  private void township(Township township) throws SQLException {
    long townshipId = insert(DemoSql.TOWNSHIP, township.name());
    townshipIds.put(township.name(), townshipId);
    List<Long> villageCarers = new ArrayList<>();
    List<List<Long>> villageElders = new ArrayList<>();
    for (Village village : township.villages()) {
      long villageId = insert(DemoSql.VILLAGE, townshipId, village.name());
      long carerId = insert(DemoSql.CARER, village.carerName(), village.carerPhone(), villageId, townshipId);
      shifts(carerId);
      villageCarers.add(carerId);
      carerIds.add(carerId);
      List<Long> elders = new ArrayList<>();
      for (Household household : village.households()) {
        elders.addAll(household(household, villageId));
      }
      villageElders.add(elders);
    }
    for (int v = 0; v < villageElders.size(); v++) {
      long backup = villageCarers.get((v + 1) % villageCarers.size());
      for (long elderId : villageElders.get(v)) {
        execute(DemoSql.CARER_ELDER, villageCarers.get(v), elderId, "PRIMARY");
        execute(DemoSql.CARER_ELDER, backup, elderId, "BACKUP");
      }
    }
  }

  private List<Long> household(Household household, long villageId) throws SQLException {
    long householdId = insert(DemoSql.HOUSEHOLD, household.address(), household.lat(), household.lon(), villageId,
        household.landline());
    List<Long> elderIds = new ArrayList<>();
    Long partyMemberId = null;
    for (Elder elder : household.elders()) {
      long elderId = insert(DemoSql.ELDER, householdId, elder.name(), elder.gender(), elder.birthDate(), elder.phone(),
          textArray(elder.categories()), elder.partyMemberSince(), elder.partyBranch(),
          elder.partyRecord() == null ? null : elder.partyRecord().encode(), elder.notes());
      elderIds.add(elderId);
      if (elder.dementia()) {
        execute(DemoSql.SAFE_ZONE, elderId, household.lat(), household.lon(), 500.0);
        plan(DeviceType.WRISTBAND, "WB", "AX-W2", elderId, null, 60);
      }
      if (elder.partyMember() && partyMemberId == null) {
        partyMemberId = elderId;
      }
    }
    if (partyMemberId != null) {
      plan(DeviceType.HOME_TERMINAL, "HT", "AX-H1", partyMemberId, householdId, 120);
    }
    households.add(elderIds);
    return elderIds;
  }

  /** A wristband is the elder's; a home terminal is the household's, listed under its Party member in the file. */
  private void plan(DeviceType type, String prefix, String model, long elderId, Long householdId, int intervalS) {
    long sameType = devices.stream().filter(d -> d.device().type() == type).count();
    String id = String.format("%s-%04d", prefix, sameType + 1);
    devices.add(new PlannedDevice(new NewDevice(id, type, model, householdId == null ? elderId : null, householdId,
        intervalS), elderId));
  }

  /** Day shifts 08:00–20:00 local, from yesterday to a week ahead. */
  private void shifts(long carerId) throws SQLException {
    LocalDate today = LocalDate.now(zone);
    for (int d = -1; d <= 7; d++) {
      ZonedDateTime start = today.plusDays(d).atTime(8, 0).atZone(zone);
      execute(DemoSql.SHIFT, carerId, start.toOffsetDateTime(), start.plusHours(12).toOffsetDateTime());
    }
  }

  private void provider(Provider provider) throws SQLException {
    long providerId = insert(DemoSql.PROVIDER, provider.name(), provider.phone(), textArray(provider.serviceTypes()),
        provider.dailyCapacity());
    for (String township : provider.townships()) {
      execute(DemoSql.PROVIDER_AREA, providerId, townshipIds.get(township));
    }
  }

  /** Staff, a login for each carer, and a family member for every eighth household; passwords hashed in parallel. */
  private List<DemoCredentials.User> users() throws SQLException {
    accounts.add(new Account("admin", "admin", "系统管理员", null, null, List.of()));
    accounts.add(new Account("supervisor", "supervisor", "民政局督导", null, null, List.of()));
    for (int i = 1; i <= 3; i++) {
      accounts.add(new Account("operator" + i, "operator", "12349话务员" + i, null, null, List.of()));
    }
    for (int i = 0; i < carerIds.size(); i++) {
      accounts.add(new Account(String.format("carer%02d", i + 1), "carer", "网格员" + (i + 1), null, carerIds.get(i),
          List.of()));
    }
    for (int i = 0; i * 8 < households.size(); i++) {
      accounts.add(new Account(String.format("family%02d", i + 1), "family", "家属" + (i + 1), null, null,
          households.get(i * 8)));
    }
    List<String> passwords = accounts.stream().map(a -> newPassword()).toList();
    List<String> hashes = passwords.parallelStream().map(PasswordHasher::hash).toList();
    List<DemoCredentials.User> users = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      long userId = insert(DemoSql.USER, a.username(), hashes.get(i), a.role(), a.displayName(), a.phone(),
          a.carerId());
      if (a.carerId() != null) {
        execute(DemoSql.CARER_USER, userId, a.carerId());
      }
      for (long elderId : a.elderIds()) {
        execute(DemoSql.USER_ELDER, userId, elderId, "子女");
      }
      users.add(new DemoCredentials.User(a.username(), passwords.get(i), a.role()));
    }
    return users;
  }

  private static String newPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      password.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
    }
    return password.toString();
  }

  private java.sql.Array textArray(List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  private boolean exists(String sql, Object... params) throws SQLException {
    try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
      return rs.next();
    }
  }

  private long insert(String sql, Object... params) throws SQLException {
    try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql, Object... params) throws SQLException {
    try (PreparedStatement st = prepare(sql, params)) {
      st.execute();
    }
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      st.setObject(i + 1, params[i]);
    }
    return st;
  }
}
