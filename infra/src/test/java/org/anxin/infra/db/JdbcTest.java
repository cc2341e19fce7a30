package org.anxin.infra.db;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Statement parameters bound by Java type, and nullable columns read back")
class JdbcTest {

  @RegisterExtension
  static final MigratedDatabase db = new MigratedDatabase();

  @Test
  @DisplayName("an instant, JSON, an enum, id and text arrays and a null each arrive as the statement expects them")
  void bindsByType() throws SQLException {
    // GIVEN one value of each kind the modules bind
    Instant at = Instant.parse("2026-11-01T08:00:00.123456Z");
    try (Connection c = db.dataSource().getConnection()) {
      // WHEN a statement reads them back
      List<?> row = Jdbc.one(c, """
          SELECT ?::timestamptz AS at, ? = '2026-11-01 16:00:00.123456+08'::timestamptz AS same_instant,
                 (?::jsonb)->>'name' AS name, ? AS type, 3 = ANY(?) AS has_id, 'b' = ANY(?) AS has_text,
                 ?::text IS NULL AS unset""",
          rs -> Arrays.asList(Jdbc.instant(rs, "at"), rs.getBoolean("same_instant"), rs.getString("name"),
              rs.getString("type"), rs.getBoolean("has_id"), rs.getBoolean("has_text"), rs.getBoolean("unset")),
          at, at, new JsonObject().put("name", "王"), AlarmType.FALL, new Long[] {1L, 3L}, new String[] {"a", "b"},
          null).orElseThrow();
      // THEN the instant is the same moment, JSON is jsonb, the enum its name, the arrays arrays and null NULL
      assertEquals(Arrays.asList(at, true, "王", "FALL", true, true, true), row);
    }
  }

  @Test
  @DisplayName("a NULL column reads as null, a zero or false one as its value")
  void readsNullableColumns() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      List<?> nulls = Jdbc.one(c, "SELECT NULL::bigint l, NULL::int i, NULL::float8 d, NULL::boolean b",
          rs -> Arrays.asList(Jdbc.nullableLong(rs, "l"), Jdbc.nullableInt(rs, "i"), Jdbc.nullableDouble(rs, "d"),
              Jdbc.nullableBool(rs, "b"))).orElseThrow();
      List<?> values = Jdbc.one(c, "SELECT 0::bigint l, 0::int i, 0::float8 d, false b",
          rs -> Arrays.asList(Jdbc.nullableLong(rs, "l"), Jdbc.nullableInt(rs, "i"), Jdbc.nullableDouble(rs, "d"),
              Jdbc.nullableBool(rs, "b"))).orElseThrow();
      assertEquals(Arrays.asList(null, null, null, null), nulls);
      assertEquals(Arrays.asList(0L, 0, 0.0, false), values);
    }
  }
}
