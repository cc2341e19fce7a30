package org.anxin.infra.bus;

/**
 * Failure codes of every request/reply on the bus, as {@code ReplyException.failureCode()}; the message says what
 * was wrong. They follow HTTP so that the console maps them one to one.
 */
public enum BusFailure {
  /** The request is malformed or misses a field (a false alarm without a note, a rating out of 1..5). */
  BAD_REQUEST(400),
  /** The alarm, order or elder does not exist. */
  NOT_FOUND(404),
  /** The change is not allowed from the current state (acknowledging a closed alarm, accepting a DONE order). */
  CONFLICT(409),
  /** The work failed inside the answering module (database down). */
  INTERNAL(500),
  /** Nobody answers, or not in time (the hotline is not running). */
  UNAVAILABLE(503);

  private final int code;

  BusFailure(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The failure of a code; an unknown code is {@link #INTERNAL}. */
  public static BusFailure ofCode(int code) {
    for (BusFailure f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    return INTERNAL;
  }
}
