package org.anxin.console.sql;

import java.util.List;

/**
 * A table the admin pages edit through the generic routes: its path under {@code /api/admin}, its columns (only
 * these are ever named in SQL; a body's keys select among them, never supply names), the query filters it accepts
 * (JSON names of columns), and whether rows may be created and deleted here.
 *
 * @param touchesRules a change makes the gateway reload its alarm settings ({@code rules.changed})
 * @param stampsUpdate the table has {@code updated_at}, set on every change
 */
public record Table(String path, String name, List<Column> columns, List<String> filters, boolean creatable,
                    boolean deletable, boolean touchesRules, boolean stampsUpdate) {

  public static Table of(String path, String name, Column... columns) {
    return new Table(path, name, List.of(columns), List.of(), true, true, false, false);
  }

  public Table filters(String... jsonNames) {
    return new Table(path, name, columns, List.of(jsonNames), creatable, deletable, touchesRules, stampsUpdate);
  }

  public Table editOnly() {
    return new Table(path, name, columns, filters, false, false, touchesRules, stampsUpdate);
  }

  public Table rules() {
    return new Table(path, name, columns, filters, creatable, deletable, true, stampsUpdate);
  }

  public Table stamped() {
    return new Table(path, name, columns, filters, creatable, deletable, touchesRules, true);
  }

  public Column column(String json) {
    return columns.stream().filter(col -> col.json().equals(json)).findFirst().orElse(null);
  }
}
