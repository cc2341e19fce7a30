package org.anxin.infra.devices;

import java.util.ArrayList;
import java.util.List;

/**
 * A device to register. A wristband may name its elder, a home terminal its household; either may name neither while
 * it is still in stock. {@code intervalS} is the reporting interval in seconds.
 */
public record NewDevice(String id, DeviceType type, String model, Long elderId, Long householdId, int intervalS) {

  public static final int DEFAULT_INTERVAL_S = 60;
  public static final int MIN_INTERVAL_S = 5;
  public static final int MAX_INTERVAL_S = 86_400;

  /** What is wrong with this device on its own, without asking the database; empty when nothing is. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    String idProblem = DeviceIds.problem(id);
    if (idProblem != null) {
      problems.add(idProblem);
    }
    if (type == DeviceType.WRISTBAND && householdId != null) {
      problems.add("a wristband belongs to an elder, not to household " + householdId);
    }
    if (type == DeviceType.HOME_TERMINAL && elderId != null) {
      problems.add("a home terminal belongs to a household, not to elder " + elderId);
    }
    if (intervalS < MIN_INTERVAL_S || intervalS > MAX_INTERVAL_S) {
      problems.add("interval_s " + intervalS + " is outside " + MIN_INTERVAL_S + ".." + MAX_INTERVAL_S);
    }
    return problems;
  }
}
