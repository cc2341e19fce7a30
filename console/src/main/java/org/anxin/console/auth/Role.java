package org.anxin.console.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles of {@code users.role}; each route names the roles that may call it. */
public enum Role {
  OPERATOR, CARER, FAMILY, SUPERVISOR, ADMIN;

  public static final Set<Role> ALL = EnumSet.allOf(Role.class);
  /** The hotline and supervision staff, who see every elder. */
  public static final Set<Role> STAFF = EnumSet.of(OPERATOR, SUPERVISOR, ADMIN);

  public static Role of(String dbValue) {
    return valueOf(dbValue.toUpperCase(Locale.ROOT));
  }

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
