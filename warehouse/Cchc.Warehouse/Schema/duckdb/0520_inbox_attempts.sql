-- The nightly inbox's memory between runs. etl.inbox_attempt counts attempts per content hash: an attempt is
-- recorded (committed) before the file is read, so one that never finished (the process killed, out of memory)
-- still counts; after the nightly's limit (--max-attempts, default 3) the file moves to failed/ with its reason.
-- A file that loads, is unchanged or fails cleanly leaves the table. etl.inbox_deferral remembers files left in the
-- inbox (still being written, locked, retried): one deferred longer than the alert time is overdue, which 'cchc
-- status' and the nightly log report loudly.
CREATE TABLE etl.inbox_attempt (
    sha256           VARCHAR PRIMARY KEY,
    file_name        VARCHAR NOT NULL,
    attempts         INTEGER NOT NULL,
    first_attempt_at TIMESTAMP NOT NULL,
    last_attempt_at  TIMESTAMP NOT NULL,
    last_run_id      BIGINT NOT NULL,
    last_reason      VARCHAR                  -- how the last attempt ended; NULL while it is in progress
);

CREATE TABLE etl.inbox_deferral (
    path_key          VARCHAR PRIMARY KEY,    -- SHA-256 of the full path (paths are too long for a key)
    path              VARCHAR NOT NULL,
    file_name         VARCHAR NOT NULL,
    first_deferred_at TIMESTAMP NOT NULL,
    last_deferred_at  TIMESTAMP NOT NULL,
    deferrals         INTEGER NOT NULL,
    reason            VARCHAR NOT NULL,
    is_overdue        BOOLEAN NOT NULL        -- deferred longer than the nightly's alert time when last seen
);
