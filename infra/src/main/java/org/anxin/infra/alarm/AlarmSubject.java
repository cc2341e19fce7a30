package org.anxin.infra.alarm;

import io.vertx.core.json.JsonObject;

/**
 * Whom or what an alarm is about. One alarm per subject and type is open at a time; the subject is the elder when
 * known, else the household, else the device, else the village, else the township (an area outage).
 */
public record AlarmSubject(Long elderId, Long householdId, String deviceId, Long villageId, Long townshipId) {

  public AlarmSubject {
    if (elderId == null && householdId == null && deviceId == null && villageId == null && townshipId == null) {
      throw new IllegalArgumentException("an alarm needs an elder, a household, a device or an area");
    }
  }

  /** The one key that decides which open alarm a repeat belongs to, e.g. {@code elder:42}. */
  public String key() {
    if (elderId != null) {
      return "elder:" + elderId;
    }
    if (householdId != null) {
      return "household:" + householdId;
    }
    if (deviceId != null) {
      return "device:" + deviceId;
    }
    return villageId != null ? "village:" + villageId : "township:" + townshipId;
  }

  JsonObject toJson() {
    return new JsonObject().put("elderId", elderId).put("householdId", householdId).put("deviceId", deviceId)
        .put("villageId", villageId).put("townshipId", townshipId);
  }

  static AlarmSubject fromJson(JsonObject json) {
    return new AlarmSubject(json.getLong("elderId"), json.getLong("householdId"), json.getString("deviceId"),
        json.getLong("villageId"), json.getLong("townshipId"));
  }
}
