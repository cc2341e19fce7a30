package org.anxin.console.sql;

import io.vertx.core.json.JsonObject;
import org.anxin.console.api.Page;
import org.anxin.infra.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generic SQL of the admin tables. Table and column names come only from the {@link Table} declarations in
 * code; every value is a bound parameter.
 */
public final class TableSql {

  private TableSql() {
  }

  public static List<JsonObject> list(Connection c, Table t, Map<String, Long> filters, Page page)
      throws SQLException {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE true");
    for (Map.Entry<String, Long> f : filters.entrySet()) {
      where.append(" AND ").append(t.column(f.getKey()).name()).append(" = ?");
      args.add(f.getValue());
    }
    args.add(page.limit());
    args.add(page.offset());
    String sql = "SELECT " + readable(t) + ", count(*) OVER () AS total FROM " + t.name() + where
        + " ORDER BY id LIMIT ? OFFSET ?";
    return Rows.query(c, sql, args.toArray());
  }

  public static JsonObject one(Connection c, Table t, Object id) throws SQLException {
    return Rows.first(c, "SELECT " + readable(t) + " FROM " + t.name() + " WHERE id = ?", id);
  }

  /** Inserts the body's columns; the caller has checked that every key names a column. */
  public static JsonObject insert(Connection c, Table t, JsonObject body) throws SQLException {
    List<Column> given = given(t, body);
    String sql = "INSERT INTO " + t.name() + " (" + given.stream().map(Column::name).collect(Collectors.joining(", "))
        + ") VALUES (" + given.stream().map(Column::placeholder).collect(Collectors.joining(", ")) + ") RETURNING "
        + readable(t);
    return write(c, sql, given, body, null);
  }

  /** Updates the body's columns of one row; null when there is no such row. */
  public static JsonObject update(Connection c, Table t, Object id, JsonObject body) throws SQLException {
    List<Column> given = given(t, body);
    String sets = given.stream().map(col -> col.name() + " = " + col.placeholder())
        .collect(Collectors.joining(", "));
    if (t.stampsUpdate()) {
      sets = sets + ", updated_at = now()";
    }
    String sql = "UPDATE " + t.name() + " SET " + sets + " WHERE id = ? RETURNING " + readable(t);
    return write(c, sql, given, body, id);
  }

  public static boolean delete(Connection c, Table t, Object id) throws SQLException {
    try (PreparedStatement st = Jdbc.prepare(c, "DELETE FROM " + t.name() + " WHERE id = ?", id)) {
      return st.executeUpdate() > 0;
    }
  }

  /** Rows of a link table ({@code user_elders}, {@code carer_elders}, {@code provider_areas}) for one owner. */
  public static List<JsonObject> links(Connection c, Link link, long ownerId) throws SQLException {
    String sql = "SELECT * FROM " + link.table() + " WHERE " + link.owner() + " = ? ORDER BY " + link.target();
    return Rows.query(c, sql, ownerId);
  }

  public static void link(Connection c, Link link, long ownerId, long targetId, String extra) throws SQLException {
    String sql = link.extra() == null
        ? "INSERT INTO " + link.table() + " (" + link.owner() + ", " + link.target() + ") VALUES (?, ?) "
            + "ON CONFLICT DO NOTHING"
        : "INSERT INTO " + link.table() + " (" + link.owner() + ", " + link.target() + ", " + link.extra()
            + ") VALUES (?, ?, coalesce(?, " + link.extraDefault() + ")) ON CONFLICT (" + link.owner() + ", "
            + link.target() + ") DO UPDATE SET " + link.extra() + " = excluded." + link.extra();
    try (PreparedStatement st = link.extra() == null ? Jdbc.prepare(c, sql, ownerId, targetId)
        : Jdbc.prepare(c, sql, ownerId, targetId, extra)) {
      st.executeUpdate();
    }
  }

  public static boolean unlink(Connection c, Link link, long ownerId, long targetId) throws SQLException {
    String sql = "DELETE FROM " + link.table() + " WHERE " + link.owner() + " = ? AND " + link.target() + " = ?";
    try (PreparedStatement st = Jdbc.prepare(c, sql, ownerId, targetId)) {
      return st.executeUpdate() > 0;
    }
  }

  private static JsonObject write(Connection c, String sql, List<Column> given, JsonObject body, Object id)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      int i = 1;
      for (Column col : given) {
        col.bind(c, st, i++, body.getValue(col.json()));
      }
      if (id != null) {
        st.setObject(i, id);
      }
      return Rows.one(st);
    }
  }

  private static List<Column> given(Table t, JsonObject body) {
    return t.columns().stream().filter(col -> body.containsKey(col.json())).toList();
  }

  private static String readable(Table t) {
    return "id, " + t.columns().stream().filter(Column::readable).map(Column::name)
        .collect(Collectors.joining(", "));
  }
}
