-- T-SQL twin of duckdb/0520_inbox_attempts.sql: nightly attempts per content hash and files left in the inbox.
CREATE TABLE etl.inbox_attempt (
    sha256           NVARCHAR(64) NOT NULL CONSTRAINT pk_inbox_attempt PRIMARY KEY,
    file_name        NVARCHAR(400) NOT NULL,
    attempts         INT NOT NULL,
    first_attempt_at DATETIME2(3) NOT NULL,
    last_attempt_at  DATETIME2(3) NOT NULL,
    last_run_id      BIGINT NOT NULL,
    last_reason      NVARCHAR(MAX) NULL          -- how the last attempt ended; NULL while it is in progress
);
GO

CREATE TABLE etl.inbox_deferral (
    path_key          NVARCHAR(64) NOT NULL CONSTRAINT pk_inbox_deferral PRIMARY KEY,
    path              NVARCHAR(2000) NOT NULL,
    file_name         NVARCHAR(400) NOT NULL,
    first_deferred_at DATETIME2(3) NOT NULL,
    last_deferred_at  DATETIME2(3) NOT NULL,
    deferrals         INT NOT NULL,
    reason            NVARCHAR(MAX) NOT NULL,
    is_overdue        BIT NOT NULL
);
GO
