package org.anxin.gateway.decode;

/** Why a device message was refused; {@link #label()} is the {@code reason} tag and the stored reason. */
public enum RejectReason {
  BAD_TOPIC("bad_topic"),
  BAD_DEVICE_ID("bad_device_id"),
  UNKNOWN_DEVICE("unknown_device"),
  TOO_LARGE("too_large"),
  NOT_UTF8("not_utf8"),
  NOT_JSON("not_json"),
  NOT_OBJECT("not_object"),
  BAD_TS("bad_ts"),
  BAD_SEQ("bad_seq"),
  BAD_BOOT("bad_boot"),
  BAD_TYPE("bad_type"),
  OUT_OF_RANGE("out_of_range"),
  MISSING_FIELD("missing_field"),
  EMPTY_TELEMETRY("empty_telemetry"),
  UNKNOWN_EVENT_TYPE("unknown_event_type"),
  /** A string holds U+0000, which PostgreSQL text and jsonb cannot store. */
  BAD_TEXT("bad_text"),
  /** Valid by the protocol, yet the database refused the row (a data or constraint error); found by storing alone. */
  STORE_FAILED("store_failed");

  private final String label;

  RejectReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
