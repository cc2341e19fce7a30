package org.anxin.gateway.rules;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Every elder's settings and who lives where, as loaded from {@code elders}, {@code safe_zones} and {@code devices};
 * replaced whole on each reload, so a rule always reads one consistent book.
 *
 * @param elders settings by elder id
 * @param householdOf the household of each elder
 * @param householdElders the elders of each household
 */
public record RuleBook(ZoneId timezone, Map<Long, ElderRules> elders, Map<Long, Long> householdOf,
                       Map<Long, List<Long>> householdElders) {

  public static RuleBook empty(ZoneId timezone) {
    return new RuleBook(timezone, Map.of(), Map.of(), Map.of());
  }

  /** The elder's settings, or the defaults when the elder is unknown or there is none. */
  public ElderRules forElder(Long elderId) {
    ElderRules rules = elderId == null ? null : elders.get(elderId);
    return rules != null ? rules : ElderRules.defaults(timezone);
  }

  public List<Long> eldersOf(Long householdId) {
    return householdId == null ? List.of() : householdElders.getOrDefault(householdId, List.of());
  }
}
