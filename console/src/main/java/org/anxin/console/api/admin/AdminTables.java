package org.anxin.console.api.admin;

import org.anxin.console.sql.Column;
import org.anxin.console.sql.Link;
import org.anxin.console.sql.Table;

import java.util.List;

import static org.anxin.console.sql.Column.Type.BOOL;
import static org.anxin.console.sql.Column.Type.DATE;
import static org.anxin.console.sql.Column.Type.DOUBLE;
import static org.anxin.console.sql.Column.Type.INT;
import static org.anxin.console.sql.Column.Type.JSON;
import static org.anxin.console.sql.Column.Type.LONG;
import static org.anxin.console.sql.Column.Type.PASSWORD;
import static org.anxin.console.sql.Column.Type.TEXT;
import static org.anxin.console.sql.Column.Type.TEXT_ARRAY;
import static org.anxin.console.sql.Column.Type.TIME;
import static org.anxin.console.sql.Column.Type.TIMESTAMP;
import static org.anxin.console.sql.Column.defaulted;
import static org.anxin.console.sql.Column.of;
import static org.anxin.console.sql.Column.required;

/** The tables and links admins manage, as the schema contract names them. */
final class AdminTables {

  static final List<Table> TABLES = List.of(
      Table.of("townships", "townships", required("name", TEXT)),
      Table.of("villages", "villages", required("townshipId", LONG), required("name", TEXT)).filters("townshipId"),
      Table.of("households", "households", required("address", TEXT), of("homeLat", DOUBLE), of("homeLon", DOUBLE),
          of("villageId", LONG), of("landline", TEXT), of("createdAt", TIMESTAMP)).filters("villageId"),
      Table.of("elders", "elders", required("householdId", LONG), required("name", TEXT), of("gender", TEXT),
          of("birthDate", DATE), of("phone", TEXT), defaulted("categories", TEXT_ARRAY),
          defaulted("careMode", TEXT), of("partyMemberSince", DATE), of("partyBranch", TEXT), of("partyRecord", JSON),
          defaulted("ruleSettings", JSON), of("notes", TEXT)).filters("householdId").rules().stamped(),
      Table.of("safe-zones", "safe_zones", required("elderId", LONG), required("name", TEXT), required("kind", TEXT),
          of("centerLat", DOUBLE), of("centerLon", DOUBLE), of("radiusM", DOUBLE), of("polygon", JSON),
          of("activeFrom", TIME), of("activeTo", TIME), defaulted("enabled", BOOL)).filters("elderId").rules().stamped(),
      Table.of("carers", "carers", required("name", TEXT), of("phone", TEXT), of("villageId", LONG),
          of("townshipId", LONG), of("userId", LONG)).filters("villageId", "townshipId"),
      Table.of("shifts", "shifts", required("carerId", LONG), required("startsAt", TIMESTAMP),
          required("endsAt", TIMESTAMP)).filters("carerId"),
      Table.of("volunteers", "volunteers", required("name", TEXT), of("phone", TEXT), of("townshipId", LONG),
          of("villageId", LONG), defaulted("skills", TEXT_ARRAY)).filters("townshipId", "villageId"),
      Table.of("providers", "providers", required("name", TEXT), of("phone", TEXT),
          defaulted("serviceTypes", TEXT_ARRAY), defaulted("dailyCapacity", INT)),
      Table.of("provider-slots", "provider_slots", required("providerId", LONG), required("starts", TIME),
          required("ends", TIME), required("capacity", INT)).filters("providerId"),
      Table.of("order-schedules", "order_schedules", of("elderId", LONG), of("category", TEXT), required("type", TEXT),
          required("startsOn", DATE), defaulted("everyDays", INT), required("slotStart", TIME),
          required("slotMinutes", INT), defaulted("active", BOOL)).filters("elderId"),
      Table.of("users", "users", required("username", TEXT), required("password", PASSWORD), required("role", TEXT),
          of("displayName", TEXT), of("phone", TEXT), of("carerId", LONG), defaulted("failedLogins", INT),
          of("lockedUntil", TIMESTAMP), defaulted("disabled", BOOL), of("createdAt", TIMESTAMP)).filters("carerId"),
      Table.of("escalation-policies", "escalation_policies", required("priority", INT), of("alarmType", TEXT),
          required("repeatIntervalS", INT), of("description", TEXT)),
      Table.of("devices", "devices", of("type", TEXT), of("model", TEXT), of("elderId", LONG),
          of("householdId", LONG), defaulted("intervalS", INT), defaulted("enabled", BOOL),
          of("registeredAt", TIMESTAMP), of("secretRotatedAt", TIMESTAMP)).filters("elderId", "householdId").editOnly().rules());

  /** Columns set by the database or by registration, never from a body. */
  static final List<String> READ_ONLY = List.of("createdAt", "registeredAt", "secretRotatedAt", "type");

  static final List<Link> LINKS = List.of(
      new Link("users", "elders", "user_elders", "user_id", "elder_id", "relation", "relation", "NULL"),
      new Link("carers", "elders", "carer_elders", "carer_id", "elder_id", "role", "role", "'PRIMARY'"),
      Link.plain("providers", "townships", "provider_areas", "provider_id", "township_id"));

  private AdminTables() {
  }

  static boolean writable(Column column) {
    return !READ_ONLY.contains(column.json());
  }
}
