package org.anxin.hotline.calls;

/** The SQL of call records ({@code calls}, {@code call_events}); AMI and AGI both meet on the channel's Uniqueid. */
final class CallSql {

  static final String OPEN = """
      INSERT INTO calls (channel_uniqueid, caller_number, direction)
      VALUES (?, nullif(?, ''), ?)
      ON CONFLICT (channel_uniqueid) DO UPDATE
        SET caller_number = coalesce(calls.caller_number, EXCLUDED.caller_number)
      RETURNING id""";

  static final String EVENT = """
      INSERT INTO call_events (call_id, kind, details) VALUES (?, ?, ?::jsonb)""";

  static final String IVR_DONE = """
      UPDATE calls SET elder_id = coalesce(?, elder_id), ivr_choices = ?, intent = ?, queue_priority = ?
      WHERE id = ?""";

  /** The AMI updates below name the call by Uniqueid and answer what the live state needs. */
  static final String QUEUED = """
      UPDATE calls SET queue = ?, queued_at = coalesce(queued_at, ?) WHERE channel_uniqueid = ?
      RETURNING id, elder_id, caller_number""";

  static final String ANSWERED = """
      UPDATE calls SET agent = ?, answered_at = coalesce(answered_at, ?) WHERE channel_uniqueid = ?
      RETURNING id, elder_id, caller_number""";

  static final String ENDED = """
      UPDATE calls SET ended_at = coalesce(ended_at, ?), hangup_cause = coalesce(hangup_cause, ?),
        talk_s = CASE WHEN answered_at IS NULL THEN NULL
                      ELSE greatest(0, extract(epoch FROM (coalesce(ended_at, ?) - answered_at)))::int END
      WHERE channel_uniqueid = ?
      RETURNING id, elder_id, caller_number""";

  static final String FIND = """
      SELECT id, elder_id, caller_number FROM calls WHERE channel_uniqueid = ?""";

  static final String WRAP_UP = """
      UPDATE calls SET disposition = ?, note = ? WHERE id = ? RETURNING agent""";

  private CallSql() {
  }
}
