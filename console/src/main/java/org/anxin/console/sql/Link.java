package org.anxin.console.sql;

/**
 * A link table edited from one side: {@code PUT/DELETE /api/admin/{ownerPath}/{id}/{targetPath}/{targetId}}.
 *
 * @param extra an optional column set from the body's {@code extraJson} key (a relation, a role), else null
 */
public record Link(String ownerPath, String targetPath, String table, String owner, String target, String extra,
                   String extraJson, String extraDefault) {

  public static Link plain(String ownerPath, String targetPath, String table, String owner, String target) {
    return new Link(ownerPath, targetPath, table, owner, target, null, null, null);
  }
}
