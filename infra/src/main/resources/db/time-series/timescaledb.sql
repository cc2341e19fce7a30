-- The TimescaleDB branch of V3 (see V3__Time_series): hypertables, compression, retention, hourly aggregate.

CREATE EXTENSION IF NOT EXISTS timescaledb;

-- A hypertable's unique indexes must contain its time column, so the identity indexes of V2 are rebuilt with ts.
-- They still catch a redelivery carrying the same ts; the gateway's high-water mark in device_boots catches one
-- whose ts was replaced by a different arrival time (clock_skewed).
DROP INDEX telemetry_identity;
DROP INDEX device_events_identity;

SELECT create_hypertable('telemetry', 'ts', chunk_time_interval => INTERVAL '1 day', create_default_indexes => false);
SELECT create_hypertable('device_events', 'ts', chunk_time_interval => INTERVAL '1 day',
                         create_default_indexes => false);

CREATE UNIQUE INDEX telemetry_identity ON telemetry (device_id, boot, seq, ts);
CREATE UNIQUE INDEX device_events_identity ON device_events (device_id, channel, boot, seq, ts) WHERE seq IS NOT NULL;

-- Readings are read per device and time range, so each device's rows are compressed together, in time order.
ALTER TABLE telemetry SET (timescaledb.compress, timescaledb.compress_segmentby = 'device_id',
                           timescaledb.compress_orderby = 'ts DESC, boot, seq');
ALTER TABLE device_events SET (timescaledb.compress, timescaledb.compress_segmentby = 'device_id',
                               timescaledb.compress_orderby = 'ts DESC, channel, boot, seq');
SELECT add_compression_policy('telemetry', INTERVAL '7 days');
SELECT add_compression_policy('device_events', INTERVAL '7 days');

-- Raw readings are kept 400 days (a year and its comparison month); events (SOS, falls, doors) are care records
-- and are kept three years. rejected_messages stays a plain table and is trimmed by org.anxin.infra.db.Retention.
SELECT add_retention_policy('telemetry', INTERVAL '400 days');
SELECT add_retention_policy('device_events', INTERVAL '1095 days');

-- Real-time (materialized_only = false) so that it answers exactly like the plain branch's view, recent hour included.
CREATE MATERIALIZED VIEW telemetry_hourly
  WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
SELECT device_id,
       time_bucket(INTERVAL '1 hour', ts) AS bucket,
       count(*)       AS samples,
       avg(hr)        AS hr_avg,
       min(hr)        AS hr_min,
       max(hr)        AS hr_max,
       min(bat)       AS bat_min,
       max(steps)     AS steps_max,
       bool_or(motion) AS motion_any
FROM telemetry
GROUP BY device_id, time_bucket(INTERVAL '1 hour', ts)
WITH NO DATA;

-- The refresh window starts well inside the raw retention, so dropping old chunks never empties old hours.
SELECT add_continuous_aggregate_policy('telemetry_hourly', start_offset => INTERVAL '3 days',
                                       end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '30 minutes');
SELECT add_retention_policy('telemetry_hourly', INTERVAL '1825 days');
