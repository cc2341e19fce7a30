package org.anxin.gateway.decode;

/**
 * A device message that breaks the protocol. Thrown for every bad message, so it carries no stack trace: the
 * reason and detail say all there is to say.
 */
public final class MessageRejectedException extends Exception {

  private final transient RejectReason reason;
  private final String deviceId;

  public MessageRejectedException(RejectReason reason, String detail) {
    this(reason, detail, null);
  }

  public MessageRejectedException(RejectReason reason, String detail, String deviceId) {
    super(detail, null, false, false);
    this.reason = reason;
    this.deviceId = deviceId;
  }

  public RejectReason reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }

  /** The device the topic names, when the topic was readable; {@code null} otherwise. */
  public String deviceId() {
    return deviceId;
  }

  /** The same rejection, now knowing which device sent it. */
  MessageRejectedException from(String device) {
    return deviceId != null ? this : new MessageRejectedException(reason, detail(), device);
  }
}
