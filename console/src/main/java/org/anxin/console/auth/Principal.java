package org.anxin.console.auth;

import io.vertx.core.json.JsonObject;

/** The signed-in user of a request, with the scope resolved for it. */
public record Principal(long id, String username, Role role, String displayName, Scope scope) {

  public boolean is(Role r) {
    return role == r;
  }

  public boolean staff() {
    return Role.STAFF.contains(role);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("username", username).put("role", role.dbValue())
        .put("displayName", displayName);
  }
}
