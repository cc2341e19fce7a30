package org.anxin.gateway.rules;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.MessageIdentity;

import java.time.Instant;

/**
 * What a rule sees of one device message: who the device belongs to, which channel, the message's identity and
 * times, and its fields as JSON ({@code type}, {@code sensor}, {@code lat}, {@code hr}, {@code online},
 * {@code lastWill}, ...). Unknown fields are carried and ignored.
 *
 * @param ts the message's time (the arrival time when its clock was skewed)
 * @param reportIntervalS the device's reporting interval, for the silence check and to restore after fast fixes
 */
public record RuleInput(String deviceId, DeviceKind kind, Long elderId, Long householdId, Long villageId,
                        Long townshipId, String channel, String boot, Long seq, Instant ts, Instant arrivedAt,
                        int reportIntervalS, JsonObject fields) {

  /** The two kinds of device of the protocol. */
  public enum DeviceKind { WRISTBAND, HOME_TERMINAL }

  public static final String TELEMETRY = "telemetry";
  public static final String EVENT = "event";
  public static final String STATUS = "status";

  public RuleInput {
    fields = fields == null ? new JsonObject() : fields;
  }

  public MessageIdentity source() {
    return new MessageIdentity(deviceId, boot, seq, ts);
  }

  /** The alarm's subject: the elder when known, else the household, else the device. */
  public AlarmSubject subject() {
    return new AlarmSubject(elderId, householdId, deviceId, villageId, townshipId);
  }

  public boolean isEvent(String type) {
    return EVENT.equals(channel) && type.equals(fields.getString("type"));
  }

  public Double number(String field) {
    Object v = fields.getValue(field);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  public Boolean flag(String field) {
    Object v = fields.getValue(field);
    return v instanceof Boolean b ? b : null;
  }

  public boolean hasFix() {
    return number("lat") != null && number("lon") != null;
  }
}
