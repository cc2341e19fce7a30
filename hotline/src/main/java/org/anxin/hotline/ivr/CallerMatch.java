package org.anxin.hotline.ivr;

import java.util.List;

/**
 * Who is calling, as far as the number tells: an elder on their own phone, a household's landline (one or more
 * elders), a family member or a carer (with the elders they look after), or nobody known.
 */
public record CallerMatch(Kind kind, List<Elder> elders) {

  public enum Kind { ELDER, LANDLINE, FAMILY, CARER, UNKNOWN }

  /** An elder the caller may be or speak for, with where they live (an alarm is routed by area). */
  public record Elder(long id, String name, long householdId, Long villageId, Long townshipId) {
  }

  public CallerMatch {
    elders = List.copyOf(elders);
  }

  public static CallerMatch unknown() {
    return new CallerMatch(Kind.UNKNOWN, List.of());
  }

  /** Whether the caller is the elder (own phone, or their household's landline). */
  public boolean isElder() {
    return kind == Kind.ELDER || kind == Kind.LANDLINE;
  }

  /** The one elder this call is about, when there is exactly one. */
  public Elder single() {
    return elders.size() == 1 ? elders.get(0) : null;
  }
}
