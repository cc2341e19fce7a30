package org.anxin.gateway.store;

/**
 * Every SQL statement of the gateway. Messages are inserted with {@code ON CONFLICT DO NOTHING}, so a redelivered
 * message (same device, boot and seq) adds no row; a clock-skewed one is also checked by identity because on
 * TimescaleDB the unique index includes {@code ts}, and a skewed message's {@code ts} is its (different) arrival
 * time. Device state goes by COPY into a session-local staging table and an upsert from there.
 */
final class GatewaySql {

  static final String TELEMETRY_COLUMNS = "device_id, boot, seq, ts, received_at, clock_skewed, lat, lon, acc, src,"
      + " hr, spo2, bat, steps, motion, temp, worn";
  static final String EVENT_COLUMNS = "device_id, boot, seq, ts, received_at, clock_skewed, channel, type, sensor,"
      + " lat, lon, acc, payload";
  static final String STATE_COLUMNS = "device_id, boot, last_seq, last_seen, last_fix_lat, last_fix_lon,"
      + " last_fix_acc, last_fix_at, bat, worn, online, fw, interval_s, last_motion_at, updated_at";

  static final String INSERT_TELEMETRY = "INSERT INTO telemetry (" + TELEMETRY_COLUMNS + ") VALUES (?, ?, ?, ?,"
      + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  static final String INSERT_TELEMETRY_GUARDED = "INSERT INTO telemetry (" + TELEMETRY_COLUMNS + ") SELECT ?::text,"
      + " ?::text, ?::bigint, ?::timestamptz, ?::timestamptz, ?::boolean, ?::float8, ?::float8, ?::float4, ?::text,"
      + " ?::int2, ?::int2, ?::int2, ?::int4, ?::boolean, ?::float4, ?::boolean WHERE NOT EXISTS (SELECT 1"
      + " FROM telemetry t WHERE t.device_id = ?::text AND t.boot = ?::text AND t.seq = ?::bigint)"
      + " ON CONFLICT DO NOTHING";

  static final String INSERT_EVENT = "INSERT INTO device_events (" + EVENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
      + " ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING";
  /** A Last Will has no seq: one per device and boot is kept, so a redelivered one adds nothing. */
  static final String INSERT_EVENT_GUARDED = "INSERT INTO device_events (" + EVENT_COLUMNS + ") SELECT ?::text,"
      + " ?::text, ?::bigint, ?::timestamptz, ?::timestamptz, ?::boolean, ?::text, ?::text, ?::text, ?::float8,"
      + " ?::float8, ?::float4, ?::jsonb WHERE NOT EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = ?::text"
      + " AND e.channel = ?::text AND e.boot = ?::text AND e.seq IS NOT DISTINCT FROM ?::bigint)"
      + " ON CONFLICT DO NOTHING";

  static final String INSERT_REJECT = "INSERT INTO rejected_messages (received_at, topic, device_id, reason, detail,"
      + " payload) VALUES (?, ?, ?, ?, ?, ?)";
  static final String TRIM_REJECTS = "DELETE FROM rejected_messages WHERE id <= (SELECT max(id) FROM"
      + " rejected_messages) - ?";

  static final String ENABLED_DEVICES = "SELECT id FROM devices WHERE enabled";

  static final String CREATE_STATE_STAGE =
      "CREATE TEMP TABLE IF NOT EXISTS device_state_stage (LIKE device_state) ON COMMIT DELETE ROWS";
  static final String COPY_STATE_STAGE = "COPY device_state_stage (" + STATE_COLUMNS + ") FROM STDIN";
  /** The join drops the state of a device deleted meanwhile instead of failing the whole flush on its key. */
  static final String MOVE_STATE = "INSERT INTO device_state (" + STATE_COLUMNS + ") SELECT s.device_id, s.boot,"
      + " s.last_seq, s.last_seen, s.last_fix_lat, s.last_fix_lon, s.last_fix_acc, s.last_fix_at, s.bat, s.worn,"
      + " s.online, s.fw, s.interval_s, s.last_motion_at, s.updated_at FROM device_state_stage s JOIN devices d"
      + " ON d.id = s.device_id ON CONFLICT (device_id) DO UPDATE SET boot = EXCLUDED.boot,"
      + " last_seq = EXCLUDED.last_seq, last_seen = EXCLUDED.last_seen, last_fix_lat = EXCLUDED.last_fix_lat,"
      + " last_fix_lon = EXCLUDED.last_fix_lon, last_fix_acc = EXCLUDED.last_fix_acc,"
      + " last_fix_at = EXCLUDED.last_fix_at, bat = EXCLUDED.bat, worn = EXCLUDED.worn, online = EXCLUDED.online,"
      + " fw = EXCLUDED.fw, interval_s = EXCLUDED.interval_s, last_motion_at = EXCLUDED.last_motion_at,"
      + " updated_at = EXCLUDED.updated_at";
  static final String LOAD_STATE = "SELECT " + STATE_COLUMNS + " FROM device_state";

  private GatewaySql() {
  }
}
