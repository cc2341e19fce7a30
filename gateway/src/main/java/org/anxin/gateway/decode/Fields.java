package org.anxin.gateway.decode;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/** Reads the optional fields of a payload, refusing a wrong JSON type or a value out of its range. */
final class Fields {

  private final JsonObject json;

  Fields(JsonObject json) {
    this.json = json;
  }

  Double decimal(String name, double min, double max) throws MessageRejectedException {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw wrongType(name, "a number");
    }
    double d = n.doubleValue();
    if (!(d >= min && d <= max)) {
      throw outOfRange(name, d, min, max);
    }
    return d;
  }

  Integer integer(String name, long min, long max) throws MessageRejectedException {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long)) {
      throw wrongType(name, "a whole number");
    }
    long l = ((Number) v).longValue();
    if (l < min || l > max) {
      throw outOfRange(name, l, min, max);
    }
    return (int) l;
  }

  Boolean bool(String name) throws MessageRejectedException {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw wrongType(name, "true or false");
    }
    return b;
  }

  String string(String name, int maxLength) throws MessageRejectedException {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw wrongType(name, "a string");
    }
    if (s.isEmpty() || s.length() > maxLength) {
      throw new MessageRejectedException(RejectReason.OUT_OF_RANGE,
          name + " must be 1 to " + maxLength + " characters");
    }
    return s;
  }

  String oneOf(String name, Set<String> allowed, RejectReason whenOther) throws MessageRejectedException {
    String s = string(name, 32);
    if (s != null && !allowed.contains(s)) {
      throw new MessageRejectedException(whenOther, name + " '" + s + "' is not one of " + allowed);
    }
    return s;
  }

  /** Latitude and longitude come together or not at all. */
  void requirePair(String a, Object va, String b, Object vb) throws MessageRejectedException {
    if ((va == null) != (vb == null)) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, a + " and " + b + " must be sent together");
    }
  }

  static MessageRejectedException wrongType(String name, String expected) {
    return new MessageRejectedException(RejectReason.BAD_TYPE, name + " must be " + expected);
  }

  private static MessageRejectedException outOfRange(String name, Object value, Object min, Object max) {
    return new MessageRejectedException(RejectReason.OUT_OF_RANGE,
        name + " " + value + " is outside " + min + ".." + max);
  }
}
