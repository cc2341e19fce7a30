package org.anxin.console.auth;

import java.util.Set;

/**
 * Which elders a user may see, resolved per request in one place ({@link Access}). Staff see everyone; a family
 * member sees the elders linked in {@code user_elders}, a carer those in {@code carer_elders}, and both the
 * households those elders live in (a home terminal's smoke alarm belongs to the household).
 */
public record Scope(boolean everyone, Set<Long> elderIds, Set<Long> householdIds) {

  public static final Scope EVERYONE = new Scope(true, Set.of(), Set.of());

  public Scope {
    elderIds = Set.copyOf(elderIds);
    householdIds = Set.copyOf(householdIds);
  }

  public boolean seesElder(Long elderId) {
    return everyone || elderId != null && elderIds.contains(elderId);
  }

  /** An alarm about an elder, else about a household; one about a device or an area is for staff only. */
  public boolean seesAlarm(Long elderId, Long householdId) {
    if (everyone) {
      return true;
    }
    return elderId != null ? elderIds.contains(elderId) : householdId != null && householdIds.contains(householdId);
  }

  /** The elder ids for a SQL filter {@code (? IS NULL OR elder_id = ANY(?))}: null means no filter. */
  public Long[] elderFilter() {
    return everyone ? null : elderIds.toArray(Long[]::new);
  }

  public Long[] householdFilter() {
    return everyone ? null : householdIds.toArray(Long[]::new);
  }
}
