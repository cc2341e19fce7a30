-- The console's sessions, so that any console node behind a load balancer serves any session (the console keeps
-- no session state of its own). data is Vert.x Web's serialized session: id, timeout, last access, version and the
-- session's values (the user id and the CSRF token).

CREATE TABLE console_sessions (
  id            text PRIMARY KEY,
  data          bytea       NOT NULL,
  version       int         NOT NULL,
  last_accessed timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX console_sessions_expires ON console_sessions (expires_at);
