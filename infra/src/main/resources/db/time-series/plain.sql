-- The plain-PostgreSQL branch of V3 (see V3__Time_series): telemetry and device_events stay ordinary tables with
-- the identity indexes of V2, org.anxin.infra.db.Retention trims them, and telemetry_hourly is a view with the
-- same columns and types as the TimescaleDB continuous aggregate, so the same queries answer.

CREATE VIEW telemetry_hourly AS
SELECT device_id,
       date_bin(INTERVAL '1 hour', ts, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
       count(*)       AS samples,
       avg(hr)        AS hr_avg,
       min(hr)        AS hr_min,
       max(hr)        AS hr_max,
       min(bat)       AS bat_min,
       max(steps)     AS steps_max,
       bool_or(motion) AS motion_any
FROM telemetry
GROUP BY device_id, date_bin(INTERVAL '1 hour', ts, TIMESTAMPTZ '2000-01-01 00:00:00+00');
