-- Devices, what they send, their latest state, and what was rejected.

CREATE TABLE devices (
  id                text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{3,64}$'),
  type              text    NOT NULL CHECK (type IN ('WRISTBAND', 'HOME_TERMINAL')),
  model             text,
  elder_id          bigint REFERENCES elders ON DELETE SET NULL,
  household_id      bigint REFERENCES households ON DELETE SET NULL,
  -- SecretHasher's hash of the device secret; the secret itself is never stored.
  secret_hash       text    NOT NULL,
  -- The same secret in Mosquitto's password-file format, so a Mosquitto deployment can authenticate devices.
  broker_hash       text,
  interval_s        int     NOT NULL DEFAULT 60 CHECK (interval_s > 0),
  enabled           boolean NOT NULL DEFAULT true,
  registered_at     timestamptz NOT NULL DEFAULT now(),
  -- A wristband belongs to an elder, a home terminal to a household; either may be unassigned while in stock.
  secret_rotated_at timestamptz
);
CREATE INDEX devices_elder ON devices (elder_id) WHERE elder_id IS NOT NULL;
CREATE INDEX devices_household ON devices (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE device_state (
  device_id      text PRIMARY KEY REFERENCES devices ON DELETE CASCADE,
  boot           text,
  last_seq       bigint,
  last_seen      timestamptz,
  last_fix_lat   double precision,
  last_fix_lon   double precision,
  last_fix_acc   real,
  last_fix_at    timestamptz,
  bat            smallint,
  worn           boolean,
  online         boolean NOT NULL DEFAULT false,
  fw             text,
  interval_s     int,
  last_motion_at timestamptz,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
-- The silence checks scan devices by when they were last heard from.
CREATE INDEX device_state_last_seen ON device_state (last_seen);

-- Telemetry and device_events deliberately have no foreign key to devices: rows arrive by COPY in large batches,
-- a per-row key check would slow that down, and the gateway rejects unknown devices before anything is stored.
CREATE TABLE telemetry (
  device_id    text        NOT NULL,
  boot         text        NOT NULL CHECK (length(boot) BETWEEN 1 AND 16),
  seq          bigint      NOT NULL CHECK (seq >= 0),
  -- When measured, or the arrival time when the device clock was off (clock_skewed).
  ts           timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  clock_skewed boolean     NOT NULL DEFAULT false,
  lat          double precision,
  lon          double precision,
  acc          real,
  src          text CHECK (src IN ('gnss', 'wifi', 'lbs')),
  hr           smallint,
  spo2         smallint,
  bat          smallint,
  steps        int,
  motion       boolean,
  temp         real,
  worn         boolean
);
CREATE INDEX telemetry_device_ts ON telemetry (device_id, ts DESC);

CREATE TABLE device_events (
  device_id    text        NOT NULL,
  boot         text        NOT NULL CHECK (length(boot) BETWEEN 1 AND 16),
  -- Null only for a Last Will, which carries no seq.
  seq          bigint CHECK (seq >= 0),
  ts           timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  clock_skewed boolean     NOT NULL DEFAULT false,
  channel      text        NOT NULL CHECK (channel IN ('event', 'status', 'reply')),
  type         text        NOT NULL,
  sensor       text,
  lat          double precision,
  lon          double precision,
  acc          real,
  payload      jsonb,
  CHECK (seq IS NOT NULL OR channel = 'status'),
  CHECK (channel <> 'event' OR type IN ('SOS', 'FALL', 'SMOKE', 'GAS', 'WATER_LEAK', 'DOOR_OPEN', 'DOOR_CLOSE',
                                         'PULL_CORD', 'BED_EXIT', 'STRAP_OFF')),
  CHECK (channel <> 'status' OR type IN ('ONLINE', 'OFFLINE')),
  CHECK (channel <> 'reply' OR type = 'REPLY')
);
CREATE INDEX device_events_device_ts ON device_events (device_id, ts DESC);
CREATE INDEX device_events_type_ts ON device_events (type, ts DESC);

-- Message identity (device_id, boot, seq): a redelivered message hits these and is skipped with
-- INSERT ... ON CONFLICT DO NOTHING (no conflict target, so the same statement works on both storage branches).
-- V3 replaces them with ts-including indexes when the tables become TimescaleDB hypertables.
CREATE UNIQUE INDEX telemetry_identity ON telemetry (device_id, boot, seq);
CREATE UNIQUE INDEX device_events_identity ON device_events (device_id, channel, boot, seq) WHERE seq IS NOT NULL;

-- The highest seq stored per device and boot. On TimescaleDB the unique indexes above must include ts, which no
-- longer catches a redelivery whose ts was replaced by a (different) arrival time; the gateway keeps this
-- high-water mark, restores it from here on start, and drops messages at or below it before storing.
CREATE TABLE device_boots (
  device_id  text        NOT NULL,
  boot       text        NOT NULL,
  high_seq   bigint      NOT NULL CHECK (high_seq >= 0),
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, boot)
);
CREATE INDEX device_boots_last_seen ON device_boots (last_seen);

CREATE TABLE rejected_messages (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now(),
  topic       text        NOT NULL,
  device_id   text,
  reason      text        NOT NULL,
  detail      text,
  -- The raw bytes as received (the gateway caps what it keeps).
  payload     bytea
);
CREATE INDEX rejected_messages_received ON rejected_messages (received_at);
CREATE INDEX rejected_messages_device ON rejected_messages (device_id, received_at) WHERE device_id IS NOT NULL;
