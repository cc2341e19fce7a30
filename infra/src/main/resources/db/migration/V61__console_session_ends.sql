-- A signed-out session keeps its row, marked ended and emptied, for an hour: Vert.x Web writes a session after it
-- has answered, so a write of the session still in flight when it is signed out must find it ended and leave it so.

ALTER TABLE console_sessions ADD COLUMN ended_at timestamptz;
